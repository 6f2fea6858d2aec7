package dev.carrier.telnet;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * Keystroke bytes to characters in one charset, keeping an unfinished multi-byte sequence for the
 * next read (a UTF-8 character may arrive in two TCP segments). Invalid input becomes U+FFFD and
 * never throws.
 *
 * <p>Stateful: one per connection, used on its event loop only.
 */
final class InputDecoder {

    private final Charset charset;
    private final CharsetDecoder decoder;
    private byte[] pending = new byte[0]; // the start of a character still incomplete

    InputDecoder(Charset charset) {
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    Charset charset() {
        return charset;
    }

    /** The characters completed by {@code bytes}; empty when they only start a character. */
    CharSequence decode(byte[] bytes) {
        ByteBuffer in;
        if (pending.length == 0) {
            in = ByteBuffer.wrap(bytes);
        } else {
            in = ByteBuffer.allocate(pending.length + bytes.length).put(pending).put(bytes).flip();
        }
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(in.remaining() * (double) decoder.maxCharsPerByte()) + 1);
        // With REPLACE actions the result is always UNDERFLOW: every byte is consumed except an
        // incomplete sequence at the end, which waits for the next call.
        decoder.decode(in, out, false);
        pending = new byte[in.remaining()];
        in.get(pending);
        return out.flip();
    }
}
