package dev.carrier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** Keystrokes in from the browser, text out to xterm.js. */
class TerminalBytesTest {

    @Test
    void keystrokesAreDecodedAcrossFrames() {
        Utf8Input input = new Utf8Input();
        assertEquals("caf", input.decode(Unpooled.wrappedBuffer(new byte[] {'c', 'a', 'f', (byte) 0xc3})).toString());
        assertEquals("é\r", input.decode(Unpooled.wrappedBuffer(new byte[] {(byte) 0xa9, '\r'})).toString());
        assertEquals("\ufffdx", input.decode(Unpooled.wrappedBuffer(new byte[] {(byte) 0xff, 'x'})).toString());
    }

    @Test
    void linesEndInCrLfOnce() {
        assertEquals("a\r\nb\r\n", dev.carrier.terminal.LineEndings.crlf("a\nb\r\n"));
    }
}
