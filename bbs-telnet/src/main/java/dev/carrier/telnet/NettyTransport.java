package dev.carrier.telnet;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollMode;
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

    /**
     * Options every accepted connection needs from the transport. Epoll reads level-triggered:
     * connections stop and start reading as their output backs up and drains (see
     * {@link OutputGuard}), and an edge-triggered socket with input left unread when reading
     * starts again would never be woken for it.
     */
    @SuppressWarnings("deprecation") // level-triggered is what later Netty versions always do
    public static ServerBootstrap childOptions(ServerBootstrap bootstrap) {
        if (EPOLL) bootstrap.childOption(EpollChannelOption.EPOLL_MODE, EpollMode.LEVEL_TRIGGERED);
        return bootstrap;
    }

    public static String name() {
        return EPOLL ? "epoll" : "nio";
    }
}
