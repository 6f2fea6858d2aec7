package dev.carrier.web;

import dev.carrier.netty.PeerIp;
import dev.carrier.netty.ReadSuspensions;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP/1.1 pipelining made simple and correct: a request goes up to the router only once the one
 * before it has been answered, so answers leave in request order even when an earlier one (a
 * login, which hashes) takes longer than a later one ({@code /health}). While a request is being
 * answered the connection is not read from; requests that arrived in the same read wait here,
 * {@link #MAX_WAITING} at most (a client that pipelines more is closed), and the next one goes up
 * only while the output is not blocked.
 *
 * <p>One per connection, on its event loop; it sits between the aggregator and the router, and a
 * WebSocket upgrade removes it.
 */
final class OneRequestAtATime extends ChannelDuplexHandler {

    static final String NAME = "oneRequestAtATime";

    /** Requests decoded ahead of their turn; browsers do not pipeline, and tools send a few. */
    static final int MAX_WAITING = 32;

    static final String ANSWERING = "answering a request";

    private static final Logger log = LoggerFactory.getLogger(OneRequestAtATime.class);

    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private boolean answering;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (!answering && waiting.isEmpty()) {
            dispatch(ctx, request);
            return;
        }
        if (waiting.size() >= MAX_WAITING) {
            ReferenceCountUtil.release(request);
            log.info("{}: closing: more than {} HTTP requests sent ahead of their answers",
                    PeerIp.of(ctx.channel().remoteAddress()), MAX_WAITING);
            ctx.close();
            return;
        }
        waiting.add(request);
    }

    private void dispatch(ChannelHandlerContext ctx, FullHttpRequest request) {
        answering = true;
        ReadSuspensions.of(ctx.channel()).suspend(ANSWERING);
        ctx.fireChannelRead(request);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean last = msg instanceof FullHttpResponse || msg instanceof LastHttpContent;
        ctx.write(msg, promise);
        if (last && answering) {
            answering = false;
            ctx.executor().execute(() -> next(ctx)); // not inside the router's write
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        next(ctx);
        super.channelWritabilityChanged(ctx);
    }

    /** The answer is written: the next waiting request goes up, or the connection is read again. */
    private void next(ChannelHandlerContext ctx) {
        if (answering || ctx.isRemoved() || !ctx.channel().isActive()) return;
        if (!waiting.isEmpty()) {
            if (ctx.channel().isWritable()) dispatch(ctx, waiting.poll());
            return;
        }
        ReadSuspensions.of(ctx.channel()).resume(ANSWERING);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
        if (ctx.channel().isActive()) ReadSuspensions.of(ctx.channel()).resume(ANSWERING);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
        super.channelInactive(ctx);
    }
}
