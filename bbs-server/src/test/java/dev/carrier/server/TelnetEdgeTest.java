package dev.carrier.server;

import static dev.carrier.server.TestServer.eventually;
import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Callers the way the wild sends them: raw sockets, floods, too many at once. */
class TelnetEdgeTest {

    @TempDir
    Path data;

    @Test
    void aClientThatNegotiatesNothingGetsAWorkingLineModeSession() {
        try (TestServer bbs = TestServer.start(data)) {
            TelnetTestClient nc = bbs.connect(true);
            nc.awaitText("login: ", WAIT);
            nc.send("new\n");
            nc.awaitText("new handle: ", WAIT);
            nc.send("carol\n");
            nc.awaitText("new password: ", WAIT);
            nc.send("secret1\n");
            nc.awaitText("repeat password: ", WAIT);
            nc.send("secret1\n");
            nc.awaitText("Main menu: ", WAIT);
            // A raw client echoes locally; the server must not echo its lines back.
            assertFalse(nc.transcript().contains("carol\r\n"), nc.transcript());
            nc.send("w\n");
            nc.awaitText("carol", WAIT);
            nc.awaitText("Handle for details", WAIT);
            nc.send("\n");
            nc.awaitText("Main menu: ", WAIT);
        }
    }

    @Test
    void callersPastMaxNodesAreToldAllNodesAreBusyAndHungUpOn() {
        try (TestServer bbs = TestServer.start(data, engine -> engine.withMaxNodes(2))) {
            bbs.call();
            bbs.call();
            TelnetTestClient third = bbs.connect(false);
            third.awaitText("All 2 nodes of Carrier BBS are busy", WAIT);
            assertTrue(third.awaitClosed(WAIT));
        }
    }

    @Test
    void aFreedNodeIsGivenToTheNextCaller() {
        try (TestServer bbs = TestServer.start(data, engine -> engine.withMaxNodes(1))) {
            TelnetTestClient first = bbs.call();
            first.close();
            TelnetTestClient second = bbs.connect(false);
            second.awaitText("node 1", WAIT);
            second.awaitText("login: ", WAIT);
        }
    }

    @Test
    void anOverLongLineIsCutWithAMessage() {
        try (TestServer bbs = TestServer.start(data)) {
            TelnetTestClient client = bbs.call();
            client.sendLine("x".repeat(3000));
            client.awaitText("Line too long: 1024 characters at most", WAIT);
            client.awaitText("password: ", WAIT);
        }
    }

    @Test
    void erasingWorksWithBackspaceDelAndCtrlD() {
        try (TestServer bbs = TestServer.start(data)) {
            bbs.register("alice", "secret1").close();
            TelnetTestClient client = bbs.call();
            client.send("alicX\bx\u007fe\u0004e\r\n");
            client.awaitText("password: ", WAIT);
            client.sendLine("secret1");
            client.awaitText("Welcome back, alice!", WAIT);
        }
    }

    @Test
    void clientsThatSpeakTelnetGetKeepaliveNopsAndRawClientsDoNot() {
        ServerConfig config = ServerConfig.forTests(data).withTelnetKeepalive(java.time.Duration.ofMillis(50));
        try (TestServer bbs = TestServer.start(config)) {
            TelnetTestClient telnet = bbs.call();
            TelnetTestClient raw = bbs.connect(true);
            raw.awaitText("login: ", WAIT);
            telnet.awaitBytes(new byte[] {(byte) 255, (byte) 241}, WAIT);
            telnet.awaitBytes(new byte[] {(byte) 255, (byte) 241}, WAIT);
            raw.send("\r\n");
            raw.awaitText("login: ", WAIT);
            for (byte b : raw.rawBytes()) assertTrue(b != (byte) 241, "a raw client got a NOP");
        }
    }

    @Test
    void nodesAreCountedBackWhenCallersHangUp() {
        try (TestServer bbs = TestServer.start(data)) {
            TelnetTestClient client = bbs.call();
            assertEquals(1, bbs.server().nodes().inUse());
            client.close();
            eventually().untilAsserted(() -> assertEquals(0, bbs.server().nodes().inUse()));
        }
    }
}
