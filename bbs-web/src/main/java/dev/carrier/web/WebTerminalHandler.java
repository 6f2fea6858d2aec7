package dev.carrier.web;

import dev.carrier.netty.SessionBridge;
import dev.carrier.terminal.TerminalHost;
import dev.carrier.terminal.TerminalInfo;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bridges one {@code /terminal} WebSocket to the engine: opens the session once the handshake is
 * done, with the window size the page put in the address ({@code /terminal?cols=120&rows=40}),
 * feeds it keystrokes from binary frames and resizes from JSON text frames, and tells it of the
 * hang-up. Keystrokes are decoded from UTF-8 and passed on as typed; the session's line editor
 * gives Enter, Backspace and Ctrl-U their meaning, exactly as over telnet.
 *
 * <p>One instance per channel, used on its event loop only.
 */
final class WebTerminalHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(WebTerminalHandler.class);

    private final TerminalHost host;
    private final String clientAddress;
    private final Utf8Input decoder = new Utf8Input();
    private SessionBridge session; // null until the handshake is done

    WebTerminalHandler(TerminalHost host, String clientAddress) {
        this.host = host;
        this.clientAddress = clientAddress;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof HandshakeComplete handshake) {
            open(ctx, handshake.requestUri());
        }
        super.userEventTriggered(ctx, event);
    }

    private void open(ChannelHandlerContext ctx, String uri) {
        QueryStringDecoder query = new QueryStringDecoder(uri);
        TerminalInfo info = new TerminalInfo("web", clientAddress, "xterm",
                dimension(query, "cols"), dimension(query, "rows"), StandardCharsets.UTF_8);
        session = new SessionBridge(new WebTerminal(ctx.channel(), info));
        session.open(ctx, host);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (session == null || !session.isOpen()) return; // nothing is sent before the handshake completes
            if (msg instanceof BinaryWebSocketFrame binary) {
                session.type(decoder.decode(binary.content()));
            } else if (msg instanceof TextWebSocketFrame text) {
                onControl(ctx, text.text());
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onControl(ChannelHandlerContext ctx, String json) {
        Control.Message message = Control.parse(json);
        if (message instanceof Control.Resize resize) {
            session.resize(resize.columns(), resize.rows());
        } else if (message instanceof Control.Invalid invalid) {
            log.debug("{}: unusable control frame: {}", clientAddress, invalid.reason());
            ctx.writeAndFlush(new TextWebSocketFrame(Control.error(invalid.reason())));
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (session != null) session.writabilityChanged();
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (session != null) session.closed();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("{}: closing the web terminal after an error", clientAddress, cause);
        ctx.close();
    }

    /** A window dimension from the address, 0 (the default) when absent or not a number. */
    private static int dimension(QueryStringDecoder query, String name) {
        List<String> values = query.parameters().get(name);
        if (values == null || values.isEmpty()) return 0;
        try {
            int n = Integer.parseInt(values.get(0).trim());
            return n > 0 ? Math.min(n, Control.MAX_DIMENSION) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
