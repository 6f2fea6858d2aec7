package dev.carrier.web;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Keystroke bytes from the browser to characters. A character may be split across two frames, so
 * an unfinished sequence waits for the next one; invalid bytes become U+FFFD and never throw.
 *
 * <p>Stateful: one per connection, used on its event loop only.
 */
final class Utf8Input {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private byte[] pending = new byte[0]; // the start of a character still incomplete

    /** The characters completed by the readable bytes of {@code bytes}, which are consumed. */
    CharSequence decode(ByteBuf bytes) {
        ByteBuffer in = ByteBuffer.allocate(pending.length + bytes.readableBytes());
        in.put(pending);
        bytes.readBytes(in);
        in.flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        // With REPLACE the result is always UNDERFLOW: everything is consumed but an incomplete
        // sequence at the end, which waits for the next call.
        decoder.decode(in, out, false);
        pending = new byte[in.remaining()];
        in.get(pending);
        return out.flip();
    }
}
