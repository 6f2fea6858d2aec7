package dev.carrier.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Binds a transport's listener, or fails with a message a sysop can act on. Shared by every transport. */
public final class Listening {

    private Listening() {}

    /**
     * A listener with the options every transport uses: the address may be bound again at once
     * after a restart, vanished peers are noticed (TCP keepalive), keystroke echo does not wait
     * (no Nagle), and output holds back at {@link OutputLimits#WATER_MARK}. Each accepted channel
     * joins {@code connections} (the group drops it when it closes) and goes to {@code accept},
     * unless the server is {@code closing}: then it is closed, since it would escape the group's close.
     */
    public static ServerBootstrap bootstrap(EventLoopGroup boss, EventLoopGroup workers, ChannelGroup connections,
                                            BooleanSupplier closing, Consumer<Channel> accept) {
        return new ServerBootstrap()
                .group(boss, workers)
                .channel(NettyTransport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, OutputLimits.WATER_MARK)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        connections.add(ch);
                        if (closing.getAsBoolean()) {
                            ch.close();
                            return;
                        }
                        accept.accept(ch);
                    }
                });
    }

    /**
     * @param what how the sysop knows this listener, such as {@code telnet}
     * @throws IOException naming the address and what to do when it cannot be bound
     */
    public static Channel bind(ServerBootstrap bootstrap, String host, int port, String what) throws IOException {
        ChannelFuture bind = bootstrap.bind(host, port).awaitUninterruptibly();
        if (bind.isSuccess()) return bind.channel();
        Throwable cause = bind.cause();
        String where = host + ":" + port;
        if (cause instanceof IOException io) {
            throw new IOException(what + " cannot listen on " + where + ": " + io.getMessage()
                    + "; choose another port or bind address", io);
        }
        throw new IOException(what + " cannot listen on " + where + ": " + cause, cause);
    }

    /**
     * Bytes written to the group's connections and not yet taken by the kernel, for the metrics.
     * Reads each channel's outbound buffer total, a volatile count: safe from any thread.
     */
    public static long pendingOutputBytes(ChannelGroup connections) {
        long pending = 0;
        for (Channel channel : connections) {
            io.netty.channel.ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
            if (buffer != null) pending += buffer.totalPendingWriteBytes();
        }
        return pending;
    }
}
