package dev.carrier.web;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a WebSocket session ends, as the page needs to know it: a close frame 1000 when the session
 * ended (the user said goodbye, or was hung up on), 1001 when the server is going down, so the
 * page reconnects by itself only in the second case; 1009 for a message over the size limit.
 *
 * <p>Sits just above Netty's WebSocket protocol handler, which sends 1000 on any close unless a
 * close frame went out first. One per channel, on its event loop.
 */
final class GoingAway extends ChannelDuplexHandler {

    static final int GOING_AWAY = 1001;

    private static final Logger log = LoggerFactory.getLogger(GoingAway.class);

    private final BooleanSupplier serverGoingDown;
    private final String clientAddress;
    private boolean open;

    GoingAway(BooleanSupplier serverGoingDown, String clientAddress) {
        this.serverGoingDown = serverGoingDown;
        this.clientAddress = clientAddress;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof HandshakeComplete) open = true;
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
        if (open && ctx.channel().isActive() && serverGoingDown.getAsBoolean()) {
            open = false;
            ctx.write(new CloseWebSocketFrame(GOING_AWAY, "The server is going down; call again soon."));
        }
        super.close(ctx, promise);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("{}: connection error, closing: {}", clientAddress, cause.toString()); // resets are routine
            ctx.close();
        } else if (cause instanceof CorruptedWebSocketFrameException) {
            // The frame decoder has sent its close frame (1009 for a frame over the limit, 1002 otherwise).
            log.info("{}: refused a WebSocket frame: {}", clientAddress, cause.getMessage());
            ctx.close();
        } else if (cause instanceof TooLongFrameException && open) {
            open = false;
            log.info("{}: refused a WebSocket message: {}", clientAddress, cause.getMessage());
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG))
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            log.warn("{}: closing the WebSocket after an error", clientAddress, cause);
            ctx.close();
        }
    }
}
