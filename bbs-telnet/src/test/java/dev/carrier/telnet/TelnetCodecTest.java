package dev.carrier.telnet;

import static dev.carrier.telnet.Telnet.*;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carrier.telnet.TelnetMessage.Command;
import dev.carrier.telnet.TelnetMessage.Data;
import dev.carrier.telnet.TelnetMessage.Negotiation;
import dev.carrier.telnet.TelnetMessage.Subnegotiation;
import dev.carrier.telnet.TelnetMessage.Verb;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelnetCodecTest {

    @Test
    void plainDataPassesAsData() {
        assertEquals(List.of(data("hello\r\n")), decode(ascii("hello\r\n")));
    }

    @Test
    void everyNegotiationVerbIsDecoded() {
        for (Verb verb : Verb.values()) {
            assertEquals(List.of(new Negotiation(verb, TTYPE)), decode(bytes(IAC, verb.code(), TTYPE)), verb.name());
        }
    }

    @Test
    void everyCommandIsDecoded() {
        for (int code : new int[] {NOP, DM, BRK, IP, AO, AYT, EC, EL, GA}) {
            assertEquals(List.of(new Command(code)), decode(bytes(IAC, code)), commandName(code));
        }
    }

    @Test
    void doubledIacInDataIsOneDataByte() {
        assertEquals(List.of(new Data(bytes('a', 0xff, 'b'))), decode(bytes('a', IAC, IAC, 'b')));
    }

    @Test
    void doubledIacInSubnegotiationIsOnePayloadByte() {
        assertEquals(List.of(new Subnegotiation(NAWS, bytes(0, 0xff, 0, 24))),
                decode(bytes(IAC, SB, NAWS, 0, IAC, IAC, 0, 24, IAC, SE)));
    }

    @Test
    void emptySubnegotiationIsKept() {
        assertEquals(List.of(new Subnegotiation(TTYPE, new byte[0])), decode(bytes(IAC, SB, TTYPE, IAC, SE)));
    }

    @Test
    void everySplitOfAMixedStreamDecodesTheSame() {
        byte[] stream = concat(
                ascii("hi"),
                bytes(IAC, WILL, TTYPE),
                bytes(IAC, SB, NAWS, 0, 80, IAC, IAC, 0, 24, IAC, SE),
                bytes(IAC, IAC),
                "é€".getBytes(UTF_8),
                bytes(IAC, AYT),
                bytes(IAC, SB, TTYPE, IS),
                ascii("xterm"),
                bytes(IAC, SE),
                bytes(IAC, DO, ECHO, IAC, NOP),
                ascii("end"));
        List<TelnetMessage> expected = List.of(
                data("hi"),
                new Negotiation(Verb.WILL, TTYPE),
                new Subnegotiation(NAWS, bytes(0, 80, 0xff, 0, 24)),
                new Data(concat(bytes(0xff), "é€".getBytes(UTF_8))),
                new Command(AYT),
                new Subnegotiation(TTYPE, concat(bytes(IS), ascii("xterm"))),
                new Negotiation(Verb.DO, ECHO),
                new Command(NOP),
                data("end"));

        assertEquals(expected, decode(stream));
        for (int split = 1; split < stream.length; split++) {
            List<TelnetMessage> got = decode(Arrays.copyOfRange(stream, 0, split), Arrays.copyOfRange(stream, split, stream.length));
            assertEquals(expected, got, "split at byte " + split);
        }
        byte[][] oneByOne = new byte[stream.length][];
        for (int i = 0; i < stream.length; i++) oneByOne[i] = new byte[] {stream[i]};
        assertEquals(expected, decode(oneByOne), "one byte per read");
    }

    @Test
    void subnegotiationInterruptedByACommandIsDroppedAndTheCommandKept() {
        assertEquals(List.of(new Negotiation(Verb.WILL, ECHO), data("z")),
                decode(bytes(IAC, SB, TTYPE, IS, 'a', IAC, WILL, ECHO, 'z')));
    }

    @Test
    void subnegotiationInterruptedByAnotherSubnegotiationKeepsTheSecond() {
        assertEquals(List.of(new Subnegotiation(NAWS, bytes(0, 80, 0, 24))),
                decode(bytes(IAC, SB, TTYPE, IS, 'a', IAC, SB, NAWS, 0, 80, 0, 24, IAC, SE)));
    }

    @Test
    void subnegotiationWithoutAnOptionIsDropped() {
        assertEquals(List.of(data("q")), decode(bytes(IAC, SB, IAC, SE, 'q')));
    }

    @Test
    void straySeIsIgnored() {
        assertEquals(List.of(data("ab")), decode(bytes('a', IAC, SE, 'b')));
    }

    @Test
    void overLongSubnegotiationIsDroppedWholeAndDecodingGoesOn() {
        byte[] huge = new byte[5000];
        Arrays.fill(huge, (byte) 'x');
        byte[] stream = concat(bytes(IAC, SB, NEW_ENVIRON), huge, bytes(IAC, SE), ascii("ok"),
                bytes(IAC, SB, NAWS, 0, 80, 0, 24, IAC, SE));
        assertEquals(List.of(data("ok"), new Subnegotiation(NAWS, bytes(0, 80, 0, 24))), decode(stream));
    }

    @Test
    void subnegotiationAtTheCapIsKeptAndOneByteMoreIsNot() {
        byte[] atCap = new byte[16];
        Arrays.fill(atCap, (byte) 'y');
        EmbeddedChannel ch = new EmbeddedChannel(new TelnetDecoder(16));
        ch.writeInbound(Unpooled.wrappedBuffer(concat(bytes(IAC, SB, TTYPE), atCap, bytes(IAC, SE))));
        assertEquals(new Subnegotiation(TTYPE, atCap), ch.readInbound());
        ch.writeInbound(Unpooled.wrappedBuffer(concat(bytes(IAC, SB, TTYPE), atCap, bytes('y', IAC, SE, 'k'))));
        assertEquals(data("k"), ch.readInbound());
        assertNull(ch.readInbound());
        ch.finishAndReleaseAll();
    }

    @Test
    void truncatedSubnegotiationAtCloseIsDroppedQuietly() {
        EmbeddedChannel ch = new EmbeddedChannel(new TelnetCodec());
        ch.writeInbound(Unpooled.wrappedBuffer(bytes('a', IAC, SB, NAWS, 0, 80)));
        assertEquals(data("a"), ch.readInbound());
        assertFalse(ch.finish(), "nothing left over");
        ch.checkException();
    }

    @Test
    void iacFollowedByAnUnknownByteIsACommand() {
        assertEquals(List.of(new Command(17), data("x")), decode(bytes(IAC, 17, 'x')));
    }

    @Test
    void encoderWritesNegotiationSubnegotiationAndCommands() {
        assertArrayEquals(bytes(IAC, WILL, ECHO), encode(new Negotiation(Verb.WILL, ECHO)));
        assertArrayEquals(bytes(IAC, DONT, LINEMODE), encode(new Negotiation(Verb.DONT, LINEMODE)));
        assertArrayEquals(bytes(IAC, SB, NAWS, 0, IAC, IAC, 0, 24, IAC, SE),
                encode(new Subnegotiation(NAWS, bytes(0, 0xff, 0, 24))));
        assertArrayEquals(bytes(IAC, AYT), encode(new Command(AYT)));
    }

    @Test
    void encoderDoublesIacInData() {
        assertArrayEquals(bytes('a', IAC, IAC, 'b'), encode(new Data(bytes('a', 0xff, 'b'))));
    }

    @Test
    void encoderPassesBytesThroughUntouched() {
        EmbeddedChannel ch = new EmbeddedChannel(new TelnetCodec());
        ByteBuf already = Unpooled.wrappedBuffer(bytes('a', IAC, IAC));
        ch.writeOutbound(already);
        ByteBuf out = ch.readOutbound();
        assertSame(already, out, "no copy, no second escaping");
        out.release();
        ch.finishAndReleaseAll();
    }

    @Test
    void whatTheEncoderWritesTheDecoderReadsBack() {
        List<TelnetMessage> messages = List.of(
                new Negotiation(Verb.DO, NAWS), new Subnegotiation(TTYPE, bytes(IS, 0xff, 'x')),
                new Command(GA), new Data(bytes(0xff, 0xff, 'q')));
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (TelnetMessage m : messages) wire.writeBytes(encode(m));
        assertEquals(messages, decode(wire.toByteArray()));
    }

    @Test
    void commandCodesThatHaveTheirOwnMessageAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Command(SB));
        assertThrows(IllegalArgumentException.class, () -> new Command(IAC));
        assertThrows(IllegalArgumentException.class, () -> new Negotiation(Verb.DO, 256));
    }

    // ---- helpers ----

    /** Decodes the reads in turn on one channel, and merges adjacent Data (where a run splits is not meaningful). */
    static List<TelnetMessage> decode(byte[]... reads) {
        EmbeddedChannel ch = new EmbeddedChannel(new TelnetCodec());
        List<TelnetMessage> out = new ArrayList<>();
        for (byte[] read : reads) {
            ch.writeInbound(Unpooled.wrappedBuffer(read));
            Object m;
            while ((m = ch.readInbound()) != null) out.add((TelnetMessage) m);
        }
        ch.checkException();
        ch.finishAndReleaseAll();
        return mergeData(out);
    }

    static List<TelnetMessage> mergeData(List<TelnetMessage> messages) {
        List<TelnetMessage> merged = new ArrayList<>();
        for (TelnetMessage m : messages) {
            int last = merged.size() - 1;
            if (m instanceof Data d && last >= 0 && merged.get(last) instanceof Data prev) {
                merged.set(last, new Data(concat(prev.bytes(), d.bytes())));
            } else {
                merged.add(m);
            }
        }
        return merged;
    }

    static byte[] encode(TelnetMessage message) {
        EmbeddedChannel ch = new EmbeddedChannel(new TelnetCodec());
        ch.writeOutbound(message);
        ByteBuf out = ch.readOutbound();
        byte[] bytes = ByteBufUtil.getBytes(out);
        out.release();
        ch.finishAndReleaseAll();
        return bytes;
    }

    static Data data(String ascii) {
        return new Data(ascii(ascii));
    }

    static byte[] ascii(String s) {
        return s.getBytes(UTF_8);
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
