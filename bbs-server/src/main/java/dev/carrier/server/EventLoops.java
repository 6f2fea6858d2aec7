package dev.carrier.server;

import dev.carrier.netty.NettyTransport;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.util.concurrent.TimeUnit;

/**
 * The Netty threads every transport shares: one accepting connections, and the default number
 * (twice the cores) carrying their bytes. Closed after the transports that use them.
 */
final class EventLoops implements AutoCloseable {

    private static final long CLOSE_WAIT_SECONDS = 5;

    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NettyTransport.ioHandlers());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NettyTransport.ioHandlers());

    EventLoopGroup boss() {
        return boss;
    }

    EventLoopGroup workers() {
        return workers;
    }

    @Override
    public void close() {
        // No quiet period: the transports have closed their listeners and connections already.
        boss.shutdownGracefully(0, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        boss.terminationFuture().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        workers.terminationFuture().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
