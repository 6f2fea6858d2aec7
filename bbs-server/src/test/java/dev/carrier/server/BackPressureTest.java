package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.netty.OutputLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that sends and never reads stops being read from once its output backs up, and is hung
 * up on when that lasts past the limit; a caller who reads is served all along, and a client that
 * drains in time goes on.
 */
class BackPressureTest {

    private static final byte IAC = (byte) 255;
    private static final byte AYT = (byte) 246;
    /** Far more than the socket buffers on both sides hold: a server that keeps reading takes all of it. */
    private static final long BUDGET = 256L * 1024 * 1024;
    private static final Duration QUIET = Duration.ofMillis(500);
    /**
     * Long enough that the flood sees the server stop reading (QUIET) before the stall rule hangs
     * up, even on a loaded machine where filling both sides' socket buffers takes seconds.
     */
    private static final Duration STALL_LIMIT = Duration.ofSeconds(5);

    @TempDir
    Path data;

    private TestServer start() {
        return TestServer.start(ServerConfig.forTests(data)
                .withOutput(new OutputLimits(STALL_LIMIT, OutputLimits.DEFAULT_MAX_PENDING_BYTES)));
    }

    @Test
    void aTelnetClientFloodingAreYouThereIsNoLongerReadAndThenHungUpOn() {
        try (TestServer bbs = start(); RawClient attacker = RawClient.connect(bbs.server().telnetPort())) {
            byte[] ayt = new byte[4096];
            for (int i = 0; i < ayt.length; i += 2) {
                ayt[i] = IAC;
                ayt[i + 1] = AYT;
            }
            assertTrue(attacker.floodUntilRefused(ayt, BUDGET, QUIET),
                    "the server took " + attacker.sent() + " bytes without the client reading a reply");
            assertNormalCallersAreServed(bbs);
            assertTrue(attacker.awaitClosedWithoutReading(WAIT), "a client that never reads is hung up on");
            assertNormalCallersAreServed(bbs);
        }
    }

    @Test
    void menuKeysAfterLoginFromAClientThatNeverReadsStopBeingRead() {
        try (TestServer bbs = start(); RawClient attacker = RawClient.connect(bbs.server().telnetPort())) {
            attacker.awaitText("login: ", WAIT);
            attacker.send("new\r\n");
            attacker.awaitText("new handle: ", WAIT);
            attacker.send("mallory\r\n");
            attacker.awaitText("new password: ", WAIT);
            attacker.send("secret-mallory\r\n");
            attacker.awaitText("repeat password: ", WAIT);
            attacker.send("secret-mallory\r\n");
            attacker.awaitText("Main menu: ", WAIT);

            byte[] keys = "x".repeat(4096).getBytes(StandardCharsets.US_ASCII); // "No such choice" and the prompt, each
            assertTrue(attacker.floodUntilRefused(keys, BUDGET, QUIET),
                    "the server took " + attacker.sent() + " bytes of menu keys without the client reading");
            assertNormalCallersAreServed(bbs);
            assertTrue(attacker.awaitClosedWithoutReading(WAIT));
            assertNormalCallersAreServed(bbs);
        }
    }

    @Test
    void pipelinedHealthChecksFromAClientThatNeverReadsStopBeingRead() {
        try (TestServer bbs = start(); RawClient attacker = RawClient.connect(bbs.server().webPort())) {
            // A few requests per write, fewer than the server holds decoded at once, padded so the
            // kernel's buffers fill in reasonable time.
            String one = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + "p".repeat(4000) + "\r\n\r\n";
            byte[] requests = one.getBytes(StandardCharsets.US_ASCII);
            assertTrue(attacker.floodUntilRefused(requests, BUDGET, QUIET),
                    "the server took " + attacker.sent() + " bytes of requests without the client reading");
            assertNormalCallersAreServed(bbs);
            assertTrue(attacker.awaitClosedWithoutReading(WAIT));
            assertNormalCallersAreServed(bbs);
        }
    }

    @Test
    void keystrokesOnTheWebTerminalFromAClientThatNeverReadsStopBeingRead() {
        try (TestServer bbs = start(); RawClient attacker = RawClient.connect(bbs.server().webPort())) {
            int port = bbs.server().webPort();
            attacker.upgrade("/terminal", "127.0.0.1:" + port, "http://127.0.0.1:" + port);
            attacker.awaitText("login: ", WAIT);
            byte[] frame = RawClient.frame("\r".repeat(4000).getBytes(StandardCharsets.US_ASCII)); // a prompt each
            assertTrue(attacker.floodUntilRefused(frame, BUDGET, QUIET),
                    "the server took " + attacker.sent() + " bytes of keystrokes without the client reading");
            assertNormalCallersAreServed(bbs);
            assertTrue(attacker.awaitClosedWithoutReading(WAIT));
            assertNormalCallersAreServed(bbs);
        }
    }

    @Test
    void aClientThatDrainsInTimeIsReadFromAgain() {
        ServerConfig config = ServerConfig.forTests(data)
                .withOutput(new OutputLimits(Duration.ofSeconds(20), OutputLimits.DEFAULT_MAX_PENDING_BYTES));
        try (TestServer bbs = TestServer.start(config); RawClient slow = RawClient.connect(bbs.server().telnetPort())) {
            slow.awaitText("login: ", WAIT);
            byte[] ayt = new byte[4096];
            for (int i = 0; i < ayt.length; i += 2) {
                ayt[i] = IAC;
                ayt[i + 1] = AYT;
            }
            assertTrue(slow.floodUntilRefused(ayt, BUDGET, QUIET));
            assertTrue(slow.drain(QUIET) > 0, "the replies waited for the client");
            slow.finishFlood(WAIT); // a write cut short mid-unit must not swallow the next command
            slow.send(new byte[] {IAC, AYT}, WAIT); // read again: this one is answered
            slow.awaitText("[Carrier: yes]", WAIT);
            slow.send("\r\n");
            slow.awaitText("login: ", WAIT);
        }
    }

    private static void assertNormalCallersAreServed(TestServer bbs) {
        bbs.call().close(); // the banner and the login prompt
        String health = WebGuardRailsTest.http(bbs.server().webPort(),
                "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertEquals(200, WebGuardRailsTest.status(health));
    }
}
