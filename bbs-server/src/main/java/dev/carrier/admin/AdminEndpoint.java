package dev.carrier.admin;

import dev.carrier.netty.OutputGuard;
import dev.carrier.netty.OutputLimits;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin endpoint that the carrier command talks to while the server runs: HTTP with JSON
 * on the loopback address only, each request carrying the token from {@code admin.json}
 * ({@link AdminProtocol} describes the requests). One event loop thread of its own; the work
 * itself runs on the server's worker pool.
 *
 * <p>Started once by the server's wiring and closed with it; {@link #port()} may be read from
 * any thread.
 */
public final class AdminEndpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AdminEndpoint.class);
    private static final long CLOSE_WAIT_SECONDS = 5;
    /** Requests are small JSON objects; a password is the largest thing in one. */
    static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final Path dataDir;
    private final AdminFile file;
    private final EventLoopGroup group;
    private final ChannelGroup connections = new DefaultChannelGroup("admin", GlobalEventExecutor.INSTANCE);
    private final Channel listener;
    private volatile boolean closed;

    private AdminEndpoint(Path dataDir, AdminConfig config, AdminProtocol protocol, String version) {
        this.dataDir = dataDir;
        refuseIfAnotherServerRuns(dataDir);
        String token = AdminToken.generate();
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        InetAddress loopback = InetAddress.getLoopbackAddress();
        ChannelFuture bind = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, OutputLimits.WATER_MARK)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        connections.add(ch);
                        if (closed) {
                            ch.close();
                            return;
                        }
                        ch.pipeline()
                                .addLast(OutputGuard.NAME, new OutputGuard(OutputLimits.defaults())) // a tail that stops reading
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES))
                                .addLast(new AdminHandler(token, protocol));
                    }
                })
                .bind(new InetSocketAddress(loopback, config.port())).awaitUninterruptibly();
        if (!bind.isSuccess()) {
            group.shutdownGracefully(0, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            Throwable cause = bind.cause();
            throw new UncheckedIOException("cannot listen for the admin tools on " + loopback.getHostAddress() + ":"
                    + config.port() + ": " + cause.getMessage() + "; choose another --admin-port",
                    cause instanceof IOException io ? io : new IOException(cause));
        }
        listener = bind.channel();
        int port = ((InetSocketAddress) listener.localAddress()).getPort();
        file = new AdminFile(port, token, ProcessHandle.current().pid(), version);
        try {
            file.write(dataDir);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        log.info("admin endpoint on {}:{} (token in {})", loopback.getHostAddress(), port, AdminFile.path(dataDir));
    }

    /**
     * Listens on loopback and writes {@code admin.json}.
     *
     * @throws AdminException when another server already runs on this data folder
     * @throws UncheckedIOException when the port cannot be bound or the file not written
     */
    public static AdminEndpoint start(Path dataDir, AdminConfig config, AdminProtocol protocol, String version) {
        return new AdminEndpoint(dataDir, config, protocol, version);
    }

    /** Two servers on one data folder would fight over the database and the token file. */
    private static void refuseIfAnotherServerRuns(Path dataDir) {
        Optional<AdminFile> existing;
        try {
            existing = AdminFile.read(dataDir);
        } catch (AdminException e) {
            return; // unreadable or damaged: replaced below
        }
        if (existing.isPresent() && AdminConnector.answers(existing.get())) {
            throw new AdminException("another carrier server (process " + existing.get().pid()
                    + ") is running on the data folder " + dataDir);
        }
    }

    /** The loopback port listened on. */
    public int port() {
        return file.port();
    }

    /** How the server's first row in {@code carrier who} lists this endpoint. */
    public String listener() {
        return "admin " + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port();
    }

    /** Removes {@code admin.json}, then stops listening and closes every admin connection. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (file != null) file.delete(dataDir);
        if (listener != null) listener.close().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        connections.close().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        group.shutdownGracefully(0, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        group.terminationFuture().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
