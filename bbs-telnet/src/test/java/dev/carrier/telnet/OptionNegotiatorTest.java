package dev.carrier.telnet;

import static dev.carrier.telnet.Telnet.*;
import static dev.carrier.telnet.TelnetCodecTest.bytes;
import static dev.carrier.telnet.TelnetCodecTest.concat;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionNegotiatorTest {

    private final EmbeddedChannel ch = new EmbeddedChannel(new TelnetCodec(), new OptionNegotiator());

    @Test
    void serverOffersEchoSgaBinaryAndAsksForNawsTtypeEnvironAndBinary() {
        assertArrayEquals(bytes(
                IAC, WILL, ECHO, IAC, WILL, SGA, IAC, DO, NAWS, IAC, DO, TTYPE,
                IAC, DO, NEW_ENVIRON, IAC, WILL, BINARY, IAC, DO, BINARY), sent());
    }

    @Test
    void agreementToWhatTheServerAskedGetsNoReply() {
        sent();
        List<Object> events = receive(IAC, DO, ECHO, IAC, DO, SGA, IAC, DO, BINARY, IAC, WILL, BINARY, IAC, WILL, NAWS);
        assertArrayEquals(new byte[0], sent());
        assertEquals(List.of(new TelnetEvent.ServerEcho(true)), events);
    }

    @Test
    void refusalOfWhatTheServerAskedGetsNoReply() {
        sent();
        List<Object> events = receive(IAC, DONT, ECHO, IAC, WONT, NAWS, IAC, DONT, BINARY, IAC, WONT, BINARY);
        assertArrayEquals(new byte[0], sent());
        assertEquals(List.of(new TelnetEvent.ServerEcho(false)), events);
    }

    @Test
    void unknownOptionsAreRefused() {
        sent();
        receive(IAC, WILL, LINEMODE, IAC, DO, STATUS, IAC, DO, 200, IAC, WILL, ECHO);
        assertArrayEquals(bytes(IAC, DONT, LINEMODE, IAC, WONT, STATUS, IAC, WONT, 200, IAC, DONT, ECHO), sent(),
                "the client must not echo too: the server does");
    }

    @Test
    void refusingWhatIsAlreadyOffGetsNoReply() {
        sent();
        receive(IAC, WONT, LINEMODE, IAC, DONT, STATUS);
        assertArrayEquals(new byte[0], sent());
    }

    @Test
    void anUnofferedButSupportedOptionIsAcceptedOnce() {
        sent();
        receive(IAC, WILL, SGA);
        assertArrayEquals(bytes(IAC, DO, SGA), sent());
        receive(IAC, WILL, SGA);
        assertArrayEquals(new byte[0], sent(), "already on: no second reply");
    }

    @Test
    void aRefusedOfferCanBeRequestedLaterOnce() {
        sent();
        receive(IAC, DONT, ECHO);
        assertEquals(List.of(new TelnetEvent.ServerEcho(true)), receive(IAC, DO, ECHO));
        assertArrayEquals(bytes(IAC, WILL, ECHO), sent());
        assertEquals(List.of(), receive(IAC, DO, ECHO));
        assertArrayEquals(new byte[0], sent());
    }

    @Test
    void turningAnAgreedOptionOffIsAcknowledged() {
        receive(IAC, DO, ECHO, IAC, WILL, NAWS);
        sent();
        assertEquals(List.of(new TelnetEvent.ServerEcho(false)), receive(IAC, DONT, ECHO, IAC, WONT, NAWS));
        assertArrayEquals(bytes(IAC, WONT, ECHO, IAC, DONT, NAWS), sent());
    }

    @Test
    void twoServersNegotiatingWithEachOtherFallQuiet() {
        EmbeddedChannel a = ch;
        EmbeddedChannel b = new EmbeddedChannel(new TelnetCodec(), new OptionNegotiator());
        int rounds = 0;
        byte[] fromA = sent(a);
        byte[] fromB = sent(b);
        while (fromA.length > 0 || fromB.length > 0) {
            assertTrue(++rounds < 10, "still negotiating after " + rounds + " rounds");
            receive(b, fromA);
            receive(a, fromB);
            fromA = sent(a);
            fromB = sent(b);
        }
        b.finishAndReleaseAll();
    }

    @Test
    void aClientFlippingAnOptionForeverStopsGettingReplies() {
        sent();
        ByteArrayOutputStream flips = new ByteArrayOutputStream();
        for (int i = 0; i < 200; i++) flips.writeBytes(bytes(IAC, DO, SGA, IAC, DONT, SGA));
        receive(ch, flips.toByteArray());
        int replies = sent().length / 3;
        assertTrue(replies <= OptionNegotiator.NEGOTIATION_BUDGET, replies + " replies");
    }

    @Test
    void terminalTypeIsRequestedOnceTheClientAgreesAndThenReported() {
        sent();
        receive(IAC, WILL, TTYPE);
        assertArrayEquals(bytes(IAC, SB, TTYPE, SEND, IAC, SE), sent());
        List<Object> events = receive(concat(bytes(IAC, SB, TTYPE, IS), "XTERM-256color".getBytes(US_ASCII), bytes(IAC, SE)));
        assertEquals(List.of(new TelnetEvent.TerminalType("xterm-256color")), events);
    }

    @Test
    void terminalTypeIsStrippedOfControlCharacters() {
        List<Object> events = receive(concat(bytes(IAC, SB, TTYPE, IS), "an\u001b[2Jsi ".getBytes(US_ASCII), bytes(IAC, SE)));
        assertEquals(List.of(new TelnetEvent.TerminalType("an[2jsi")), events);
    }

    @Test
    void refusingTerminalTypeIsReportedOnce() {
        assertEquals(List.of(new TelnetEvent.TerminalTypeRefused()), receive(IAC, WONT, TTYPE));
        assertEquals(List.of(), receive(IAC, WONT, TTYPE));
    }

    @Test
    void emptyTerminalTypeCountsAsRefused() {
        assertEquals(List.of(new TelnetEvent.TerminalTypeRefused()), receive(IAC, SB, TTYPE, IS, IAC, SE));
    }

    @Test
    void windowSizeIsParsed() {
        assertEquals(List.of(new TelnetEvent.WindowSize(80, 24)), receive(IAC, SB, NAWS, 0, 80, 0, 24, IAC, SE));
        assertEquals(List.of(new TelnetEvent.WindowSize(255, 300)),
                receive(IAC, SB, NAWS, 0, IAC, IAC, 1, 44, IAC, SE), "255 arrives doubled");
    }

    @Test
    void absurdWindowSizesAreClampedAndMalformedOnesIgnored() {
        int max = OptionNegotiator.MAX_DIMENSION;
        assertEquals(List.of(new TelnetEvent.WindowSize(max, max)),
                receive(IAC, SB, NAWS, IAC, IAC, IAC, IAC, IAC, IAC, IAC, IAC, IAC, SE));
        assertEquals(List.of(), receive(IAC, SB, NAWS, 0, 80, 0, IAC, SE));
    }

    @Test
    void environmentIsRequestedOnceTheClientAgrees() {
        sent();
        receive(IAC, WILL, NEW_ENVIRON);
        byte[] out = sent();
        String request = new String(out, US_ASCII);
        assertEquals(IAC, out[0] & 0xff);
        assertEquals(SB, out[1] & 0xff);
        assertEquals(NEW_ENVIRON, out[2]);
        assertEquals(SEND, out[3]);
        assertTrue(request.contains("\u0000TERM") && request.contains("\u0003TERM"), "VAR and USERVAR TERM");
        assertTrue(request.contains("COLUMNS") && request.contains("ROWS"));
    }

    @Test
    void environmentReplyIsParsed() {
        byte[] reply = concat(
                bytes(IAC, SB, NEW_ENVIRON, IS),
                bytes(VAR), "TERM".getBytes(US_ASCII), bytes(VALUE), "vt100".getBytes(US_ASCII),
                bytes(USERVAR), "COLUMNS".getBytes(US_ASCII), bytes(VALUE), "132".getBytes(US_ASCII),
                bytes(VAR), "USER".getBytes(US_ASCII),                      // undefined: left out
                bytes(USERVAR), "Q".getBytes(US_ASCII), bytes(VALUE, 'a', ESC, VAR, 'b'),
                bytes(IAC, SE));
        assertEquals(List.of(new TelnetEvent.Environment(Map.of("TERM", "vt100", "COLUMNS", "132", "Q", "a?b"))),
                receive(reply));
        assertEquals(List.of(new TelnetEvent.Environment(Map.of("ROWS", "50"))),
                receive(concat(bytes(IAC, SB, NEW_ENVIRON, INFO, VAR), "ROWS".getBytes(US_ASCII), bytes(VALUE, '5', '0', IAC, SE))));
    }

    @Test
    void areYouThereIsAnswered() {
        sent();
        receive(IAC, AYT);
        assertEquals("\r\n[Carrier: yes]\r\n", new String(sent(), US_ASCII));
    }

    @Test
    void interruptProcessHangsUp() {
        receive(IAC, IP);
        assertFalse(ch.isOpen());
    }

    @Test
    void eraseCharacterAndEraseLineBecomeLineEditorKeys() {
        assertEquals(List.of(new TelnetMessage.Data(bytes(0x7f)), new TelnetMessage.Data(bytes(0x15))),
                receive(IAC, EC, IAC, EL));
    }

    @Test
    void dataAndOtherCommandsPassOrVanish() {
        assertEquals(List.of(new TelnetMessage.Data(bytes('a')), new TelnetMessage.Data(bytes('b'))),
                receive('a', IAC, NOP, IAC, GA, IAC, BRK, IAC, DM, 'b'));
    }

    // ---- helpers ----

    private List<Object> receive(int... wire) {
        return receive(ch, bytes(wire));
    }

    private List<Object> receive(byte[] wire) {
        return receive(ch, wire);
    }

    private static List<Object> receive(EmbeddedChannel channel, byte[] wire) {
        channel.writeInbound(Unpooled.wrappedBuffer(wire));
        channel.checkException();
        List<Object> events = new ArrayList<>();
        Object m;
        while ((m = channel.readInbound()) != null) events.add(m);
        return events;
    }

    private byte[] sent() {
        return sent(ch);
    }

    /** Everything the channel wrote since the last call. */
    private static byte[] sent(EmbeddedChannel channel) {
        channel.runPendingTasks();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuf buf;
        while ((buf = channel.readOutbound()) != null) {
            out.writeBytes(ByteBufUtil.getBytes(buf));
            buf.release();
        }
        return out.toByteArray();
    }
}
