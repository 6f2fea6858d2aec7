package dev.carrier.netty;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.util.Locale;

/**
 * Which Netty transport the listeners use: Linux's io_uring where the kernel allows it, else
 * epoll, else Java NIO. A chat room's fan-out is many small writes to many sockets; io_uring
 * submits them in batches and measured about a fifth less server CPU per delivery than epoll in
 * {@code carrier bench chat}'s burst. {@code -Dcarrier.transport=epoll} or {@code nio} picks a
 * lesser one ({@code -Dcarrier.nio=true} still means NIO). Event loops and server channels must
 * come from the same one, so both ask here.
 */
public final class NettyTransport {

    private enum Kind { IO_URING, EPOLL, NIO }

    private static final Kind KIND = choose(System.getProperty("carrier.transport", "io_uring").toLowerCase(Locale.ROOT));

    private NettyTransport() {}

    private static Kind choose(String wanted) {
        if (Boolean.getBoolean("carrier.nio") || wanted.equals("nio")) return Kind.NIO;
        if (wanted.equals("io_uring") && IoUring.isAvailable()) return Kind.IO_URING;
        return Epoll.isAvailable() ? Kind.EPOLL : Kind.NIO;
    }

    public static IoHandlerFactory ioHandlers() {
        return switch (KIND) {
            case IO_URING -> IoUringIoHandler.newFactory();
            case EPOLL -> EpollIoHandler.newFactory();
            case NIO -> NioIoHandler.newFactory();
        };
    }

    public static Class<? extends ServerChannel> serverChannel() {
        return switch (KIND) {
            case IO_URING -> IoUringServerSocketChannel.class;
            case EPOLL -> EpollServerSocketChannel.class;
            case NIO -> NioServerSocketChannel.class;
        };
    }

    public static String name() {
        return KIND.name().toLowerCase(Locale.ROOT);
    }
}
