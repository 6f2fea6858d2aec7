package dev.carrier.telnet;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.connection.ConnectionLimit;
import dev.carrier.terminal.SharedText;
import dev.carrier.terminal.Terminal;
import dev.carrier.terminal.TerminalHost;
import dev.carrier.terminal.TerminalInput;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real server on an ephemeral loopback port, driven by {@link TelnetTestClient}. */
class TelnetServerTest {

    private static final String HOST = "127.0.0.1";
    private static final Duration WAIT = TelnetTestClient.DEFAULT_TIMEOUT;

    private final EchoHost engine = new EchoHost();
    private final List<TelnetTestClient> clients = new ArrayList<>();
    private TelnetServer server;
    private int port;

    @BeforeEach
    void start() throws IOException {
        TelnetConfig config = TelnetConfig.defaults()
                .withBindHost(HOST)
                .withPort(0)
                .withNegotiationTimeout(Duration.ofMillis(300));
        server = new TelnetServer(config, engine);
        port = server.start();
    }

    @AfterEach
    void stop() {
        clients.forEach(TelnetTestClient::close);
        server.close();
    }

    @Test
    void portZeroListensOnAFreePort() {
        assertTrue(port > 0);
        assertEquals(port, server.port());
    }

    @Test
    void aTelnetClientIsGreetedWithItsTypeSizeAndCharset() {
        TelnetTestClient client = connect(TelnetTestClient.Options.telnet().withWindowSize(100, 30));
        client.awaitText("Welcome xterm 100x30 UTF-8 echo=true from 127.0.0.1\r\n");
        assertTrue(client.serverWill(Telnet.ECHO));
        assertTrue(client.serverWill(Telnet.SGA));
    }

    @Test
    void aRawClientIsGreetedAfterTheNegotiationTimeout() {
        TelnetTestClient client = track(TelnetTestClient.connectRaw(HOST, port));
        client.awaitText("Welcome unknown 80x24 UTF-8 echo=false");
    }

    @Test
    void linesComeBackInUtf8() {
        TelnetTestClient client = connect(TelnetTestClient.Options.telnet());
        client.awaitText("> ");
        client.sendLine("héllo €");
        client.awaitText("you said: héllo €\r\n");
    }

    @Test
    void typeAheadFromARawClientIsKept() {
        TelnetTestClient client = track(TelnetTestClient.connectRaw(HOST, port));
        client.sendLine("early");
        client.awaitText("Welcome unknown");
        client.awaitText("you said: early\r\n");
    }

    @Test
    void anAnsiBbsClientGetsCp437() {
        TelnetTestClient client = connect(TelnetTestClient.Options.telnet()
                .withTerminalType("ANSI-BBS").withCharset(TelnetConfig.CP437));
        client.awaitText("Welcome ansi-bbs 80x24 IBM437");
        client.sendLine("box é");
        client.awaitText("you said: box é");
        client.awaitBytes(new byte[] {(byte) 0xc4, (byte) 0xff, (byte) 0xff, (byte) 0xb0}, WAIT);
    }

    @Test
    void theBellIsABelByte() {
        TelnetTestClient client = connect(TelnetTestClient.Options.telnet());
        client.awaitText("> ");
        client.sendLine("bell");
        client.awaitBytes(new byte[] {0x07}, WAIT);
    }

    @Test
    void aResizeReachesTheSession() {
        TelnetTestClient client = connect(TelnetTestClient.Options.telnet());
        client.awaitText("> ");
        client.resize(132, 43);
        MatchResult m = client.awaitPattern(Pattern.compile("resized to (\\d+)x(\\d+)\r\n"));
        assertEquals("132", m.group(1));
        assertEquals("43", m.group(2));
    }

    @Test
    void areYouThereIsAnswered() {
        TelnetTestClient client = connect(TelnetTestClient.Options.telnet());
        client.awaitText("> ");
        client.sendBytes(new byte[] {(byte) Telnet.IAC, (byte) Telnet.AYT});
        client.awaitText("[Carrier: yes]");
    }

    @Test
    void interruptProcessHangsUp() throws InterruptedException {
        TelnetTestClient client = connect(TelnetTestClient.Options.telnet());
        client.awaitText("> ");
        client.sendBytes(new byte[] {(byte) Telnet.IAC, (byte) Telnet.IP});
        assertTrue(client.awaitClosed(WAIT));
        assertTrue(engine.hangups.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Test
    void theSessionClosingFlushesItsLastWords() throws InterruptedException {
        TelnetTestClient client = connect(TelnetTestClient.Options.telnet());
        client.awaitText("> ");
        client.sendLine("quit");
        client.awaitText("bye\r\n");
        assertTrue(client.awaitClosed(WAIT));
        assertTrue(engine.hangups.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals(1, engine.hangupCount.get());
    }

    @Test
    void aClientHangingUpIsReportedOnce() throws InterruptedException {
        TelnetTestClient client = connect(TelnetTestClient.Options.telnet());
        client.awaitText("> ");
        client.close();
        assertTrue(engine.hangups.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals(1, engine.hangupCount.get());
    }

    @Test
    void sharedTextReachesEveryViewer() {
        List<TelnetTestClient> viewers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TelnetTestClient c = connect(TelnetTestClient.Options.telnet());
            c.awaitText("> ");
            viewers.add(c);
        }
        viewers.get(0).sendLine("shout");
        for (TelnetTestClient c : viewers) c.awaitText("*** everyone hears this\r\n");
    }

    @Test
    void closingTheServerHangsUpEveryone() throws InterruptedException {
        TelnetTestClient a = connect(TelnetTestClient.Options.telnet());
        TelnetTestClient b = track(TelnetTestClient.connectRaw(HOST, port));
        a.awaitText("> ");
        b.awaitText("> ");
        server.close();
        assertTrue(a.awaitClosed(WAIT));
        assertTrue(b.awaitClosed(WAIT));
        assertEquals(0, server.connectionCount());
    }

    @Test
    void aTakenPortIsReportedClearly() {
        TelnetServer second = new TelnetServer(TelnetConfig.defaults().withBindHost(HOST).withPort(port), engine);
        try {
            IOException e = assertThrows(IOException.class, second::start);
            assertTrue(e.getMessage().contains(HOST + ":" + port), e.getMessage());
        } finally {
            second.close();
        }
    }

    @Test
    void aConnectionOverTheLimitPerAddressIsToldSoAndHungUpOn() throws IOException {
        ConnectionLimit limit = new ConnectionLimit(1);
        TelnetServer limited = new TelnetServer(TelnetConfig.defaults().withBindHost(HOST).withPort(0)
                .withNegotiationTimeout(Duration.ofMillis(300)), engine).limitConnections(limit);
        try {
            int limitedPort = limited.start();
            TelnetTestClient first = track(TelnetTestClient.connect(HOST, limitedPort));
            first.awaitText("> ");
            TelnetTestClient second = track(TelnetTestClient.connectRaw(HOST, limitedPort));
            second.awaitText("Too many connections from your address (1 at most)");
            assertTrue(second.awaitClosed(WAIT));
            assertEquals(1, limit.openFrom(HOST), "the refused one took no place");
            first.close();
            await("the place given back").atMost(WAIT).pollInterval(Duration.ofMillis(5))
                    .until(() -> limit.openFrom(HOST) == 0);
        } finally {
            limited.close();
        }
    }

    @Test
    void awaitTextFailsWithTheTranscriptTail() {
        TelnetTestClient client = connect(TelnetTestClient.Options.telnet());
        client.awaitText("> ");
        AssertionError e = assertThrows(AssertionError.class, () -> client.awaitText("never", Duration.ofMillis(50)));
        assertTrue(e.getMessage().contains("never"), e.getMessage());
        assertFalse(client.isClosed());
    }

    // ---- helpers ----

    private TelnetTestClient connect(TelnetTestClient.Options options) {
        return track(TelnetTestClient.connect(HOST, port, options));
    }

    private TelnetTestClient track(TelnetTestClient client) {
        clients.add(client);
        return client;
    }

    /**
     * A tiny engine: a banner naming what the transport reported, then each line echoed back. A
     * few lines are commands: bell, quit, shout (to every session) and box (CP437 drawing).
     */
    static final class EchoHost implements TerminalHost {
        final AtomicInteger hangupCount = new AtomicInteger();
        final CountDownLatch hangups = new CountDownLatch(1);
        final Set<Terminal> terminals = ConcurrentHashMap.newKeySet();

        @Override
        public TerminalInput open(Terminal t) {
            terminals.add(t);
            var info = t.info();
            t.write("Welcome " + info.type() + " " + info.columns() + "x" + info.rows() + " " + info.charset().name()
                    + " echo=" + t.serverEchoes() + " from " + info.remoteAddress() + "\n> ");
            StringBuilder line = new StringBuilder();
            return new TerminalInput() {
                @Override
                public void onText(CharSequence text) {
                    for (int i = 0; i < text.length(); i++) {
                        char c = text.charAt(i);
                        if (c == '\r') {
                            onLine(line.toString());
                            line.setLength(0);
                        } else if (c != '\n' && c != '\0') {
                            line.append(c);
                        }
                    }
                }

                private void onLine(String s) {
                    switch (s) {
                        case "bell" -> t.bell();
                        case "quit" -> {
                            t.write("bye\n");
                            t.close();
                        }
                        case "shout" -> {
                            SharedText shout = new SharedText("*** everyone hears this\n");
                            terminals.forEach(other -> other.executor().execute(() -> other.write(shout)));
                        }
                        default -> {
                            t.write("you said: " + s + "\n");
                            if (s.startsWith("box")) t.write("─\u00a0░\n");
                        }
                    }
                }

                @Override
                public void onResize(int columns, int rows) {
                    t.write("resized to " + columns + "x" + rows + "\n");
                }

                @Override
                public void onHangup() {
                    terminals.remove(t);
                    hangupCount.incrementAndGet();
                    hangups.countDown();
                }
            };
        }
    }
}
