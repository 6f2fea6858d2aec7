package dev.carrier.telnet;

import static dev.carrier.telnet.TelnetCodecTest.bytes;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.carrier.terminal.SharedText;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TelnetCharsetTest {

    private static final Charset CP437 = TelnetConfig.CP437;

    @Test
    void ansiBbsTerminalTypesGetCp437WhateverTheirCase() {
        TelnetConfig config = TelnetConfig.defaults();
        for (String type : new String[] {"ansi", "ANSI", "ansi-bbs", "SyncTERM", "pcansi", "cp437"}) {
            assertEquals(CP437, config.charsetFor(type), type);
        }
    }

    @Test
    void everyOtherTerminalGetsUtf8() {
        TelnetConfig config = TelnetConfig.defaults();
        for (String type : new String[] {"xterm", "xterm-256color", "vt100", "unknown", "", "ansi-256color"}) {
            assertEquals(UTF_8, config.charsetFor(type), type);
        }
        assertEquals(UTF_8, config.charsetFor(null));
    }

    @Test
    void theCp437ListIsConfigurable() {
        TelnetConfig config = TelnetConfig.defaults().withCp437TerminalTypes(Set.of(" VT100 "));
        assertEquals(CP437, config.charsetFor("vt100"));
        assertEquals(UTF_8, config.charsetFor("ansi"));
    }

    @Test
    void lineFeedsBecomeCrLfOnce() {
        TelnetOutputForm form = TelnetOutputForm.of(UTF_8);
        assertEquals("a\r\nb\r\n", new String(form.encode("a\nb\n"), UTF_8));
        assertEquals("a\r\nb", new String(form.encode("a\r\nb"), UTF_8));
        assertEquals("\r\n\r\n", new String(form.encode("\n\n"), UTF_8));
        assertEquals("no line end", new String(form.encode("no line end"), UTF_8));
    }

    @Test
    void cp437OutputDoublesTheFfByte() {
        // U+00A0 (no-break space) is 0xFF in CP437, which a telnet client would read as IAC.
        assertArrayEquals(bytes('a', 0xff, 0xff, 'b'), TelnetOutputForm.of(CP437).encode("a\u00a0b"));
    }

    @Test
    void cp437OutputDrawsBoxesAndReplacesWhatItLacks() {
        assertArrayEquals(bytes(0xc4, 0xb0, 0x82, '?'), TelnetOutputForm.of(CP437).encode("─░é€"));
    }

    @Test
    void utf8OutputIsPlainUtf8() {
        assertArrayEquals("é─\r\n".getBytes(UTF_8), TelnetOutputForm.of(UTF_8).encode("é─\n"));
    }

    @Test
    void thereIsOneFormPerCharsetSoSharedTextIsEncodedOncePerCharset() {
        assertSame(TelnetOutputForm.of(UTF_8), TelnetOutputForm.of(Charset.forName("UTF-8")));
        assertSame(TelnetOutputForm.of(CP437), TelnetOutputForm.of(Charset.forName("cp437")));
        SharedText line = new SharedText("<alice> hi\n");
        assertSame(line.bytes(TelnetOutputForm.of(UTF_8)), line.bytes(TelnetOutputForm.of(UTF_8)));
    }

    @Test
    void utf8SplitAtEveryByteDecodesWhole() {
        String text = "aé€😀z";
        byte[] wire = text.getBytes(UTF_8);
        for (int split = 0; split <= wire.length; split++) {
            InputDecoder decoder = new InputDecoder(UTF_8);
            String got = decoder.decode(Arrays.copyOfRange(wire, 0, split)).toString()
                    + decoder.decode(Arrays.copyOfRange(wire, split, wire.length));
            assertEquals(text, got, "split at " + split);
        }
        InputDecoder oneByOne = new InputDecoder(UTF_8);
        StringBuilder got = new StringBuilder();
        for (byte b : wire) got.append(oneByOne.decode(new byte[] {b}));
        assertEquals(text, got.toString());
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() {
        InputDecoder decoder = new InputDecoder(UTF_8);
        assertEquals("a\ufffd(b\ufffd", decoder.decode(bytes('a', 0xc3, '(', 'b', 0xff)).toString());
        assertEquals("", decoder.decode(bytes(0xe2, 0x82)).toString(), "an unfinished character waits");
        assertEquals("\ufffdq", decoder.decode(bytes('q')).toString(), "and is replaced when it cannot finish");
    }

    @Test
    void controlCharactersPassThroughDecoding() {
        String controls = "\r\n\u0000\b\u007f\u0015\u0004\u001b";
        assertEquals(controls, new InputDecoder(UTF_8).decode(controls.getBytes(UTF_8)).toString());
        assertEquals(controls, new InputDecoder(CP437).decode(controls.getBytes(UTF_8)).toString());
    }

    @Test
    void cp437InputDecodes() {
        assertEquals("é─", new InputDecoder(CP437).decode(bytes(0x82, 0xc4)).toString());
    }
}
