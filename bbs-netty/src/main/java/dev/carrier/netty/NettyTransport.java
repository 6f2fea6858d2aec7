package dev.carrier.netty;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * Which Netty transport the listeners use: Linux's native epoll where it loads (fewer copies and
 * system calls for a chat room's many small writes), Java NIO everywhere else. Event loops and
 * server channels must come from the same one, so both ask here.
 */
public final class NettyTransport {

    private static final boolean EPOLL = !Boolean.getBoolean("carrier.nio") && Epoll.isAvailable();

    private NettyTransport() {}

    public static IoHandlerFactory ioHandlers() {
        return EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    public static Class<? extends ServerChannel> serverChannel() {
        return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public static String name() {
        return EPOLL ? "epoll" : "nio";
    }
}
