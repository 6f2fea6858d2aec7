package dev.carrier.telnet;

import static dev.carrier.telnet.Telnet.*;
import static dev.carrier.telnet.TelnetCodecTest.bytes;
import static dev.carrier.telnet.TelnetCodecTest.concat;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.terminal.SharedText;
import dev.carrier.terminal.Terminal;
import dev.carrier.terminal.TerminalHost;
import dev.carrier.terminal.TerminalInfo;
import dev.carrier.terminal.TerminalInput;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bridge between a telnet channel and the engine, driven through the whole pipeline. */
class TelnetSessionTest {

    private final RecordingHost host = new RecordingHost();
    private final TelnetConfig config = TelnetConfig.defaults().withNegotiationTimeout(Duration.ofSeconds(1));
    private final MockTicker clock = Ticker.newMockTicker();
    private final EmbeddedChannel ch = EmbeddedChannel.builder()
            .handlers(new TelnetChannelInitializer(config, host))
            .ticker(clock)
            .build();

    @AfterEach
    void tearDown() {
        ch.finishAndReleaseAll();
    }

    @Test
    void sessionOpensAsSoonAsTheTerminalTypeArrives() {
        receive(IAC, WILL, TTYPE, IAC, DO, ECHO);
        assertNull(host.terminal, "not before the type");
        receive(concat(bytes(IAC, SB, TTYPE, IS), "ANSI".getBytes(US_ASCII), bytes(IAC, SE)));
        assertNotNull(host.terminal);
        TerminalInfo info = host.terminal.info();
        assertEquals("telnet", info.transport());
        assertEquals("embedded", info.remoteAddress());
        assertEquals("ansi", info.type());
        assertEquals(TelnetConfig.CP437, info.charset());
        assertTrue(host.terminal.serverEchoes());
        assertEquals(1, host.opens);
    }

    @Test
    void sessionOpensAsSoonAsTheClientRefusesTerminalType() {
        receive(IAC, WONT, TTYPE);
        assertNotNull(host.terminal);
        assertEquals("unknown", host.terminal.info().type());
        assertEquals(UTF_8, host.terminal.info().charset());
    }

    @Test
    void aSilentClientWaitsOutTheNegotiationTimeout() {
        clock.advance(999, TimeUnit.MILLISECONDS);
        ch.runPendingTasks();
        assertNull(host.terminal);
        clock.advance(1, TimeUnit.MILLISECONDS);
        ch.runPendingTasks();
        assertNotNull(host.terminal);
        TerminalInfo info = host.terminal.info();
        assertEquals("unknown", info.type());
        assertEquals(80, info.columns());
        assertEquals(24, info.rows());
        assertEquals(UTF_8, info.charset());
        assertFalse(host.terminal.serverEchoes(), "a raw client echoes for itself");
    }

    @Test
    void keystrokesBeforeOpenAreDeliveredRightAfterInTheNegotiatedCharset() {
        receive(concat("h".getBytes(UTF_8), bytes(0x82), "\r\n".getBytes(UTF_8)));
        assertEquals("", host.text.toString());
        receive(concat(bytes(IAC, SB, TTYPE, IS), "syncterm".getBytes(US_ASCII), bytes(IAC, SE)));
        assertEquals("hé\r\n", host.text.toString());
    }

    @Test
    void earlyKeystrokesAreBounded() {
        byte[] flood = new byte[TelnetSessionHandler.MAX_EARLY_INPUT * 3];
        java.util.Arrays.fill(flood, (byte) 'x');
        receive(flood);
        receive(IAC, WONT, TTYPE);
        assertEquals(TelnetSessionHandler.MAX_EARLY_INPUT, host.text.length());
    }

    @Test
    void keystrokesAfterOpenKeepControlCharactersAndSplitUtf8() {
        open();
        byte[] euro = "€".getBytes(UTF_8);
        receive(concat("a\r\0".getBytes(UTF_8), bytes(0x08, 0x7f, 0x15), new byte[] {euro[0]}));
        receive(new byte[] {euro[1], euro[2]});
        receive(bytes('b', 0xff, 0xff)); // a data 0xFF arrives doubled
        assertEquals("a\r\0\b\u007f\u0015€b\ufffd", host.text.toString());
    }

    @Test
    void windowSizeBeforeOpenIsInTheInfoAndAfterOpenIsAResize() {
        receive(IAC, SB, NAWS, 0, 120, 0, 50, IAC, SE);
        open();
        assertEquals(120, host.terminal.info().columns());
        assertEquals(50, host.terminal.info().rows());
        assertEquals(List.of(), host.resizes);
        receive(IAC, SB, NAWS, 0, 100, 0, 40, IAC, SE);
        assertEquals(List.of("100x40"), host.resizes);
        assertEquals(100, host.terminal.info().columns());
        receive(IAC, SB, NAWS, 0, 100, 0, 40, IAC, SE);
        assertEquals(List.of("100x40"), host.resizes, "no resize when nothing changed");
    }

    @Test
    void environmentFillsInTypeAndSizeWhenTtypeAndNawsAreMissing() {
        receive(concat(bytes(IAC, SB, NEW_ENVIRON, IS, VAR), "TERM".getBytes(US_ASCII), bytes(VALUE),
                "PCANSI".getBytes(US_ASCII), bytes(USERVAR), "COLUMNS".getBytes(US_ASCII), bytes(VALUE),
                "132".getBytes(US_ASCII), bytes(IAC, SE)));
        receive(IAC, WONT, TTYPE);
        TerminalInfo info = host.terminal.info();
        assertEquals("pcansi", info.type());
        assertEquals(TelnetConfig.CP437, info.charset());
        assertEquals(132, info.columns());
    }

    @Test
    void hangupIsReportedExactlyOnce() {
        open();
        ch.close();
        ch.close();
        ch.runPendingTasks();
        assertEquals(1, host.hangups);
    }

    @Test
    void interruptProcessHangsUp() {
        open();
        receive(IAC, IP);
        assertFalse(ch.isOpen());
        assertEquals(1, host.hangups);
    }

    @Test
    void aConnectionClosedBeforeOpenNeverOpensASession() {
        ch.close();
        clock.advance(2, TimeUnit.SECONDS);
        ch.runPendingTasks();
        assertNull(host.terminal);
        assertEquals(0, host.hangups);
    }

    @Test
    void writesInOneTaskAreFlushedTogether() {
        open();
        drain();
        FlushCounter flushes = new FlushCounter();
        ch.pipeline().addFirst(flushes);
        host.onText = t -> {
            t.write("one\n");
            t.write(new SharedText("two\n"));
            t.bell();
        };
        receive("x".getBytes(UTF_8));
        assertEquals("one\r\ntwo\r\n\u0007", new String(drain(), UTF_8));
        assertEquals(1, flushes.count);
    }

    @Test
    void sharedTextIsEncodedOnceForItsFormAndSentGatheredWithWhatFollows() {
        open();
        drain();
        SharedText shared = new SharedText("hello\n");
        byte[] encoded = shared.bytes(TelnetOutputForm.of(UTF_8));
        host.terminal.write(shared);
        host.terminal.write(shared);
        assertTrue(encoded == shared.bytes(TelnetOutputForm.of(UTF_8)), "encoded once, the same bytes for every viewer");
        ch.runPendingTasks();
        ByteBuf buf = ch.readOutbound();
        assertEquals("hello\r\nhello\r\n", buf.toString(UTF_8), "one buffer for both lines");
        buf.release();
    }

    @Test
    void useCharsetSwitchesOutputAndInput() {
        open();
        drain();
        host.terminal.useCharset(TelnetConfig.CP437);
        assertEquals(TelnetConfig.CP437, host.terminal.info().charset());
        host.terminal.write("\u00a0é\n");
        assertArrayEquals(bytes(0xff, 0xff, 0x82, '\r', '\n'), drain());
        receive(bytes(0x82));
        assertEquals("é", host.text.toString());
    }

    @Test
    void aLateTerminalTypeStillPicksTheCharsetUnlessTheUserChoseOne() {
        open();
        receive(concat(bytes(IAC, SB, TTYPE, IS), "ansi".getBytes(US_ASCII), bytes(IAC, SE)));
        assertEquals(TelnetConfig.CP437, host.terminal.info().charset());
        assertEquals("ansi", host.terminal.info().type());
        host.terminal.useCharset(UTF_8);
        receive(concat(bytes(IAC, SB, TTYPE, IS), "syncterm".getBytes(US_ASCII), bytes(IAC, SE)));
        assertEquals(UTF_8, host.terminal.info().charset());
    }

    @Test
    void whenWritableRunsOnceTheBufferDrains() {
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
        open();
        drain();
        List<String> ran = new ArrayList<>();
        host.onText = t -> {
            t.write("more than sixteen bytes\n");
            ran.add("writable=" + t.isWritable());
            t.whenWritable(() -> ran.add("drained"));
        };
        receive("x".getBytes(UTF_8)); // the read ends, the flush runs and empties the buffer
        assertEquals(List.of("writable=false", "drained"), ran);
        assertTrue(host.terminal.isWritable());
    }

    @Test
    void whenWritableOnAWritableTerminalRunsSoonButNotInline() {
        open();
        List<String> ran = new ArrayList<>();
        host.terminal.whenWritable(() -> ran.add("now"));
        assertEquals(List.of(), ran);
        ch.runPendingTasks();
        assertEquals(List.of("now"), ran);
    }

    @Test
    void closeFlushesThenHangsUp() {
        open();
        drain();
        host.terminal.write("bye\n");
        host.terminal.close();
        ch.runPendingTasks();
        assertEquals("bye\r\n", new String(drain(), UTF_8));
        assertFalse(ch.isOpen());
        assertEquals(1, host.hangups);
    }

    @Test
    void anEngineErrorOnInputClosesTheConnectionOnly() {
        open();
        host.failOnText = true;
        receive("boom".getBytes(UTF_8));
        assertFalse(ch.isOpen());
        assertEquals(1, host.hangups);
    }

    @Test
    void anEngineErrorOnOpenClosesTheConnection() {
        host.failOnOpen = true;
        receive(IAC, WONT, TTYPE);
        assertFalse(ch.isOpen());
    }

    // ---- helpers ----

    private void open() {
        receive(IAC, WONT, TTYPE);
        assertNotNull(host.terminal, "session opened");
    }

    private void receive(int... wire) {
        receive(bytes(wire));
    }

    private void receive(byte[] wire) {
        ch.writeInbound(Unpooled.wrappedBuffer(wire));
        ch.runPendingTasks();
    }

    /** Runs pending tasks (the flush) and returns every byte written since the last call. */
    private byte[] drain() {
        ch.runPendingTasks();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuf buf;
        while ((buf = ch.readOutbound()) != null) {
            out.writeBytes(ByteBufUtil.getBytes(buf));
            buf.release();
        }
        return out.toByteArray();
    }

    /** Counts flushes that reach the socket. */
    static final class FlushCounter extends ChannelOutboundHandlerAdapter {
        int count;

        @Override
        public void flush(ChannelHandlerContext ctx) {
            count++;
            ctx.flush();
        }
    }

    /** An engine that records what the transport tells it. */
    static final class RecordingHost implements TerminalHost {
        Terminal terminal;
        int opens;
        int hangups;
        final StringBuilder text = new StringBuilder();
        final List<String> resizes = new ArrayList<>();
        boolean failOnOpen;
        boolean failOnText;
        Consumer<Terminal> onText = t -> {};

        @Override
        public TerminalInput open(Terminal t) {
            if (failOnOpen) throw new IllegalStateException("engine broke on open (expected by the test)");
            terminal = t;
            opens++;
            return new TerminalInput() {
                @Override
                public void onText(CharSequence s) {
                    if (failOnText) throw new IllegalStateException("engine broke on input (expected by the test)");
                    text.append(s);
                    onText.accept(terminal);
                }

                @Override
                public void onResize(int columns, int rows) {
                    resizes.add(columns + "x" + rows);
                }

                @Override
                public void onHangup() {
                    hangups++;
                }
            };
        }
    }
}
