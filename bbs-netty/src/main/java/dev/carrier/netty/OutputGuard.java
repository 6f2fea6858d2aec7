package dev.carrier.netty;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one output rule for every connection. While the channel is not writable (more than the high
 * water mark waits to be sent) it is not read from, so the client's own input cannot make more
 * output; it is read again once the output drains below the low mark. A connection whose output
 * stays blocked past {@link OutputLimits#blockedLimit()}, or whose waiting output passes
 * {@link OutputLimits#maxPendingBytes()}, is closed: its client stopped reading.
 *
 * <p>It goes first in the pipeline (next to the socket), so every write passes it. One per
 * channel, on its event loop.
 */
public final class OutputGuard extends ChannelDuplexHandler {

    public static final String NAME = "outputGuard";

    /** The reason reading stops, in {@link ReadSuspensions}. */
    static final String OUTPUT_BLOCKED = "output blocked";

    private static final Logger log = LoggerFactory.getLogger(OutputGuard.class);

    private final OutputLimits limits;
    private ScheduledFuture<?> deadline;

    public OutputGuard(OutputLimits limits) {
        this.limits = limits;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        check(ctx);
        super.channelActive(ctx);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        check(ctx);
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ctx.write(msg, promise);
        ChannelOutboundBuffer waiting = ctx.channel().unsafe().outboundBuffer();
        if (waiting != null && waiting.totalPendingWriteBytes() > limits.maxPendingBytes() && ctx.channel().isOpen()) {
            log.info("{}: closing: more than {} bytes of output wait for a client that does not read",
                    ctx.channel().remoteAddress(), limits.maxPendingBytes());
            ctx.close();
        }
    }

    private void check(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) return;
        ReadSuspensions reads = ReadSuspensions.of(ctx.channel());
        if (ctx.channel().isWritable()) {
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
            reads.resume(OUTPUT_BLOCKED);
        } else {
            reads.suspend(OUTPUT_BLOCKED);
            if (deadline == null) {
                deadline = ctx.executor().schedule(() -> blockedTooLong(ctx),
                        limits.blockedLimit().toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    private void blockedTooLong(ChannelHandlerContext ctx) {
        deadline = null;
        if (ctx.channel().isWritable()) return;
        log.info("{}: closing: output blocked for {} s by a client that does not read",
                ctx.channel().remoteAddress(), limits.blockedLimit().toSeconds());
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (deadline != null) deadline.cancel(false);
        deadline = null;
        super.channelInactive(ctx);
    }
}
