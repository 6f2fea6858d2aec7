package dev.carrier.web;

import dev.carrier.telnet.TelnetConfig;
import dev.carrier.telnet.TelnetTunnel;
import dev.carrier.terminal.TerminalHost;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * {@code /telnet}: a raw telnet stream inside WebSocket frames, for the BBS web clients that speak
 * it (fTelnet, VTX). Above this handler the telnet transport's own codec, option negotiator and
 * session bridge run unchanged ({@link TelnetTunnel}); this one only moves bytes between frames
 * and buffers.
 *
 * <p>Subprotocols: {@code binary} and {@code telnet} (and none) carry the bytes in binary frames;
 * {@code plain} carries them in text frames, one code point per byte (U+0000 to U+00FF), for
 * clients that cannot send binary frames.
 *
 * <p>The session's transport is {@code web}: the who list says how a caller reached the BBS, and
 * these callers came through the web port, with its proxy and origin rules; what they speak
 * inside is telnet, with its negotiation and charsets.
 *
 * <p>One instance per channel, used on its event loop only.
 */
final class TelnetFrames extends ChannelDuplexHandler {

    static final String SUBPROTOCOLS = "binary,telnet,plain";

    private final TelnetConfig config;
    private final TerminalHost host;
    private final String clientAddress;
    private boolean plain;
    private boolean open;

    TelnetFrames(TelnetConfig config, TerminalHost host, String clientAddress) {
        this.config = config;
        this.host = host;
        this.clientAddress = clientAddress;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof HandshakeComplete handshake && !open) {
            open = true;
            plain = "plain".equals(handshake.selectedSubprotocol());
            TelnetTunnel.install(ctx.pipeline(), config, host, "web", clientAddress);
            ctx.fireChannelActive(); // the telnet handlers start now: negotiation, then the session
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof BinaryWebSocketFrame binary) {
            ctx.fireChannelRead(binary.content()); // handed on with the frame's reference
        } else if (msg instanceof TextWebSocketFrame text) {
            try {
                ctx.fireChannelRead(plain ? bytesOf(text.text()) : text.content().retain());
            } finally {
                text.release();
            }
        } else {
            ReferenceCountUtil.release(msg); // nothing else reaches here: pings and closes are handled below
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
            if (plain) {
                String text = bytes.toString(StandardCharsets.ISO_8859_1); // byte n is code point n
                bytes.release();
                ctx.write(new TextWebSocketFrame(text), promise);
            } else {
                ctx.write(new BinaryWebSocketFrame(bytes), promise);
            }
        } else {
            ctx.write(msg, promise); // empty buffers (a flush marker before close) and frames pass
        }
    }

    /** Text frame to bytes, one per code point; a code point above U+00FF is not a byte and becomes '?'. */
    private static ByteBuf bytesOf(String text) {
        byte[] bytes = new byte[text.codePointCount(0, text.length())];
        int i = 0;
        for (int at = 0; at < text.length(); ) {
            int cp = text.codePointAt(at);
            bytes[i++] = (byte) (cp <= 0xff ? cp : '?');
            at += Character.charCount(cp);
        }
        return Unpooled.wrappedBuffer(bytes);
    }
}
