package dev.carrier.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * Netty's WebSocket protocol handler (handshake, pings, close frames) for one path, except that a
 * refused frame (too large, malformed) does not close the connection on the spot: {@link GoingAway}
 * sends the close frame and reads on for a moment first. Closing a socket while the client is
 * still sending makes the kernel reset it, and the client may then lose the close frame that says
 * why (1009 for a frame over the limit).
 */
final class WebSocketEndpoint extends WebSocketServerProtocolHandler {

    WebSocketEndpoint(String path, String subprotocols, int maxFrameBytes) {
        super(WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(path)
                .checkStartsWith(true)          // the page puts its window size in the query
                .subprotocols(subprotocols)
                .maxFramePayloadLength(maxFrameBytes)
                .closeOnProtocolViolation(false) // GoingAway closes, after the close frame and a drain
                .build());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        if (cause instanceof CorruptedWebSocketFrameException) {
            ctx.fireExceptionCaught(cause);
        } else {
            super.exceptionCaught(ctx, cause);
        }
    }
}
