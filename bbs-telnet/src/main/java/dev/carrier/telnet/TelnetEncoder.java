package dev.carrier.telnet;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes outbound {@link TelnetMessage}s with IAC framing and escaping. Plain {@link ByteBuf}s
 * pass through untouched: the terminal's output forms have already escaped them, and encoding
 * shared text once for many viewers is the point of those forms.
 */
@ChannelHandler.Sharable
final class TelnetEncoder extends MessageToByteEncoder<TelnetMessage> {

    public TelnetEncoder() {
        super(TelnetMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, TelnetMessage msg, ByteBuf out) {
        encode(msg, out);
    }

    /** Appends the wire form of {@code msg} to {@code out}. */
    static void encode(TelnetMessage msg, ByteBuf out) {
        if (msg instanceof TelnetMessage.Data data) {
            writeEscaped(data.bytes(), out);
        } else if (msg instanceof TelnetMessage.Negotiation n) {
            out.writeByte(Telnet.IAC).writeByte(n.verb().code()).writeByte(n.option());
        } else if (msg instanceof TelnetMessage.Subnegotiation sb) {
            out.writeByte(Telnet.IAC).writeByte(Telnet.SB).writeByte(sb.option());
            writeEscaped(sb.payload(), out);
            out.writeByte(Telnet.IAC).writeByte(Telnet.SE);
        } else if (msg instanceof TelnetMessage.Command c) {
            out.writeByte(Telnet.IAC).writeByte(c.code());
        }
    }

    private static void writeEscaped(byte[] bytes, ByteBuf out) {
        for (byte b : bytes) {
            out.writeByte(b);
            if (b == (byte) Telnet.IAC) out.writeByte(b);
        }
    }
}
