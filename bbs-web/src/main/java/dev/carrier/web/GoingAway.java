package dev.carrier.web;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a WebSocket session ends, as the page needs to know it: a close frame 1000 when the session
 * ended (the user said goodbye, or was hung up on), 1001 when the server is going down, so the
 * page reconnects by itself only in the second case; 1009 for a message over the size limit,
 * 1002 for a broken frame.
 *
 * <p>Sits just above Netty's WebSocket protocol handler, which sends 1000 on any close unless a
 * close frame went out first. One per channel, on its event loop.
 */
final class GoingAway extends ChannelDuplexHandler {

    static final int GOING_AWAY = 1001;

    /** How long a refused client may go on sending before the connection is closed anyway. */
    static final long DRAIN_MILLIS = 2000;

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
        } else if (cause instanceof CorruptedWebSocketFrameException corrupted) {
            // 1009 for a frame over the limit, 1002 for a broken one; the decoder drops what follows.
            log.info("{}: refused a WebSocket frame: {}", clientAddress, cause.getMessage());
            refuse(ctx, new CloseWebSocketFrame(corrupted.closeStatus(), clip(cause.getMessage())));
        } else if (cause instanceof TooLongFrameException) {
            log.info("{}: refused a WebSocket message: {}", clientAddress, cause.getMessage());
            refuse(ctx, new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG));
        } else {
            log.warn("{}: closing the WebSocket after an error", clientAddress, cause);
            ctx.close();
        }
    }

    /**
     * Says why in a close frame, then reads on (and drops) what the client still sends for a
     * moment before closing: closing with unread input would reset the connection, and the client
     * might lose the close frame.
     */
    private void refuse(ChannelHandlerContext ctx, CloseWebSocketFrame frame) {
        if (!open || !ctx.channel().isActive()) {
            frame.release();
            ctx.close();
            return;
        }
        open = false;
        ctx.writeAndFlush(frame).addListener(written ->
                ctx.executor().schedule(() -> ctx.close(), DRAIN_MILLIS, TimeUnit.MILLISECONDS));
    }

    /** A close frame's reason must fit in 123 bytes. */
    private static String clip(String reason) {
        if (reason == null) return "";
        return reason.length() <= 100 ? reason : reason.substring(0, 100);
    }
}
