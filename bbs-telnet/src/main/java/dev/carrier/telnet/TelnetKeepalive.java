package dev.carrier.telnet;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sends an IAC NOP every interval to a client that has shown it speaks telnet (it answered the
 * negotiation), so a client that vanished without a word is noticed when the write fails and
 * its node is freed like any hang-up. A raw client (netcat) gets nothing: it would print the
 * bytes. One per channel, on its event loop.
 */
final class TelnetKeepalive extends ChannelInboundHandlerAdapter {

    private final long intervalNanos;
    private boolean speaksTelnet;
    private ScheduledFuture<?> tick;

    TelnetKeepalive(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (intervalNanos > 0) schedule(ctx);
        super.channelActive(ctx);
    }

    private void schedule(ChannelHandlerContext ctx) {
        tick = ctx.executor().schedule(() -> {
            if (!ctx.channel().isActive()) return;
            if (speaksTelnet) ctx.writeAndFlush(new TelnetMessage.Command(Telnet.NOP));
            schedule(ctx);
        }, intervalNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof TelnetEvent) speaksTelnet = true;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (tick != null) tick.cancel(false);
        super.channelInactive(ctx);
    }
}
