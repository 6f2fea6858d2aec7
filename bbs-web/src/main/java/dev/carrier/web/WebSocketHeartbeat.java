package dev.carrier.web;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the who list true for WebSockets: a ping every {@code interval}, and a connection that
 * has sent nothing at all (no pong, no frame, no keepalive) for {@code timeout} is closed as
 * gone, which the engine treats as any other hang-up. Sits first in the pipeline, so every
 * byte that arrives counts as a sign of life. One per channel, on its event loop.
 */
final class WebSocketHeartbeat extends ChannelDuplexHandler {

    private static final Logger log = LoggerFactory.getLogger(WebSocketHeartbeat.class);

    private final long intervalNanos;
    private final long timeoutNanos;
    private long lastHeard = System.nanoTime();
    private ScheduledFuture<?> beat;

    WebSocketHeartbeat(Duration interval, Duration timeout) {
        this.intervalNanos = interval.toNanos();
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        schedule(ctx);
    }

    private void schedule(ChannelHandlerContext ctx) {
        beat = ctx.executor().schedule(() -> beat(ctx), intervalNanos, TimeUnit.NANOSECONDS);
    }

    private void beat(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) return;
        long silent = System.nanoTime() - lastHeard;
        if (silent >= timeoutNanos) {
            log.info("{}: no sign of life for {} ms, closing", ctx.channel().remoteAddress(), silent / 1_000_000L);
            ctx.channel().writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE.code(),
                    "no answer to pings")).addListener(done -> ctx.channel().close());
            return;
        }
        ctx.channel().writeAndFlush(new PingWebSocketFrame());
        long untilTimeout = timeoutNanos - silent;
        beat = ctx.executor().schedule(() -> beat(ctx), Math.min(intervalNanos, untilTimeout), TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastHeard = System.nanoTime();
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (beat != null) beat.cancel(false);
        super.channelInactive(ctx);
    }
}
