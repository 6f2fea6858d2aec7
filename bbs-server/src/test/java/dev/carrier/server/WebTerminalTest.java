package dev.carrier.server;

import static dev.carrier.server.TestServer.eventually;
import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.session.Session;
import dev.carrier.telnet.TelnetTestClient;
import dev.carrier.terminal.TerminalInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser's /terminal WebSocket: the same BBS a telnet user gets. */
class WebTerminalTest {

    @TempDir
    Path data;

    @Test
    void aBrowserUserRegistersAndChatsWithATelnetUser() {
        try (TestServer bbs = TestServer.start(data)) {
            WebSocketTestClient alice = bbs.browserRegister("alice", "secret-alice");
            assertTrue(alice.transcript().contains("new handle: alice"), "the server echoes what is typed");
            assertTrue(alice.transcript().contains("new password: ************"), "passwords are masked");
            TelnetTestClient bob = bbs.inChat("bob");

            alice.send("c");
            alice.awaitText("*** Welcome to chat. Type /help for commands.");
            bob.awaitText("*** alice has joined chat", WAIT);
            alice.sendLine("hello from the browser");
            bob.awaitText("<alice> hello from the browser", WAIT);
            bob.sendLine("hi there, telnet here");
            alice.awaitText("<bob> hi there, telnet here");
            assertTrue(alice.transcript().contains("\r\n"), "lines end in CR LF for xterm.js");

            TerminalInfo info = sessionOf(bbs, "alice").terminal().info();
            assertEquals("web", info.transport());
            assertEquals("xterm", info.type());
            assertEquals("127.0.0.1", info.remoteAddress());
        }
    }

    @Test
    void aUserWhoRegisteredOverTelnetLogsInFromTheBrowser() {
        try (TestServer bbs = TestServer.start(data)) {
            bbs.register("carol", "secret-carol").close();
            WebSocketTestClient carol = bbs.browse();
            carol.sendLine("carol");
            carol.awaitText("password: ");
            carol.sendLine("wrong");
            carol.awaitText("Login incorrect.");
            carol.awaitText("login: ");
            carol.sendLine("carol");
            carol.awaitText("password: ");
            carol.sendLine("secret-carol");
            carol.awaitText("Main menu: ");
            assertFalse(carol.transcript().contains("secret-carol"), "the password is never shown");
        }
    }

    @Test
    void aCharacterSplitAcrossTwoFramesArrivesWhole() {
        try (TestServer bbs = TestServer.start(data)) {
            TelnetTestClient bob = bbs.inChat("bob");
            WebSocketTestClient alice = bbs.browserRegister("alice", "secret-alice");
            alice.send("c");
            alice.awaitText("*** Welcome to chat.");
            alice.send("caf");
            alice.sendBytes(new byte[] {(byte) 0xc3});
            alice.sendBytes(new byte[] {(byte) 0xa9});
            alice.sendLine(" au lait");
            bob.awaitText("<alice> café au lait", WAIT);
        }
    }

    @Test
    void theWindowSizeComesFromTheAddressAndFollowsResizes() {
        try (TestServer bbs = TestServer.start(data)) {
            WebSocketTestClient browser = bbs.browse(); // opened as /terminal?cols=100&rows=30
            Session session = only(bbs);
            assertEquals(100, session.terminal().info().columns());
            assertEquals(30, session.terminal().info().rows());

            browser.resize(132, 43);
            awaitInfo(session, info -> info.columns() == 132 && info.rows() == 43);
            browser.resize(5000, 1);
            awaitInfo(session, info -> info.columns() == 1000 && info.rows() == 1);
            browser.sendLine("new");
            browser.awaitText("new handle: "); // resizes leave the session where it was
        }
    }

    @Test
    void aPageRingsTheBellAsAControlFrameNotAsABelByte() {
        try (TestServer bbs = TestServer.start(data)) {
            WebSocketTestClient alice = bbs.browserRegister("alice", "secret-alice");
            alice.send("c");
            alice.awaitText("*** Welcome to chat.");
            TelnetTestClient bob = bbs.inChat("bob");
            bob.sendLine("/page alice");
            bob.awaitText("*** Paged alice", WAIT);
            alice.awaitText("*** bob is paging you");
            assertEquals("{\"type\":\"bell\"}", alice.awaitControl("bell"));
            for (byte b : alice.rawBytes()) assertFalse(b == 7, "no BEL byte in the terminal stream");
        }
    }

    @Test
    void aMalformedControlFrameIsAnsweredWithAnErrorAndTheSessionGoesOn() {
        try (TestServer bbs = TestServer.start(data)) {
            WebSocketTestClient browser = bbs.browse();
            browser.sendText("this is not json");
            assertTrue(browser.awaitControl("error").contains("JSON object"), browser.controls().toString());
            browser.sendText("{\"type\":\"dance\"}");
            browser.awaitControl("unknown control type");
            browser.sendLine("new");
            browser.awaitText("new handle: ");
        }
    }

    @Test
    void goodbyeEndsTheSessionWithCloseCode1000() {
        try (TestServer bbs = TestServer.start(data)) {
            WebSocketTestClient alice = bbs.browserRegister("alice", "secret-alice");
            alice.send("g");
            assertEquals(1000, alice.awaitClose(), "the page must not call again by itself");
        }
    }

    @Test
    void aServerGoingDownClosesWith1001SoThePageCallsAgain() {
        try (TestServer bbs = TestServer.start(data)) {
            WebSocketTestClient alice = bbs.browserRegister("alice", "secret-alice");
            bbs.server().close();
            assertEquals(1001, alice.awaitClose());
        }
    }

    private static Session sessionOf(TestServer bbs, String handle) {
        List<Session> sessions = bbs.server().nodes().sessionsOf(handle);
        assertEquals(1, sessions.size(), "sessions of " + handle);
        return sessions.get(0);
    }

    private static Session only(TestServer bbs) {
        List<Session> sessions = bbs.server().nodes().sessions();
        assertEquals(1, sessions.size(), "sessions");
        return sessions.get(0);
    }

    static void awaitInfo(Session session, Predicate<TerminalInfo> condition) {
        eventually().untilAsserted(() -> {
            if (!condition.test(session.terminal().info())) {
                throw new AssertionError("terminal never became so: " + session.terminal().info());
            }
        });
    }
}
