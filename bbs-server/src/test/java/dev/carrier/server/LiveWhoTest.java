package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** W redraws while a caller looks at it, until they press a key; chat opens with who is in the room. */
class LiveWhoTest {

    private static final String CLEAR = "\u001b[1;1H\u001b[2J";

    @TempDir
    Path data;

    private TestServer bbs;

    @BeforeEach
    void start() {
        bbs = TestServer.start(data);
    }

    @AfterEach
    void stop() {
        bbs.close();
    }

    private TelnetTestClient onTerminal(String type, String handle) {
        bbs.createUser(handle, "secret-" + handle);
        return TestServer.login(bbs.call(TelnetTestClient.Options.telnet().withTerminalType(type)), handle,
                "secret-" + handle);
    }

    @Test
    void anAnsiCallerSeesTheListRedrawnWhenSomeonesStatusChangesUntilTheyPressAKey() {
        TelnetTestClient bob = onTerminal("xterm", "bob");
        bob.send("w");
        bob.awaitText("Handle for details, or Enter for the menu: ", WAIT);
        bob.unread();

        JsonClient alice = bbs.json("alice").connect();
        bob.awaitText(CLEAR, WAIT);
        bob.awaitPattern(Pattern.compile("Online - 2[\\s\\S]*alice\\s+Using an app[\\s\\S]*Handle for details"), WAIT);

        alice.send("set_status", JsonClient.body("status", "away"));
        bob.awaitPattern(Pattern.compile("\u001b\\[2J[\\s\\S]*Away - 1[\\s\\S]*alice\\s+Using an app"), WAIT);

        bob.send("c"); // a key: the list stops following
        bob.awaitText("for the menu: c", WAIT);
        int afterKey = bob.transcript().length();
        alice.send("set_status", JsonClient.body("status", "dnd"));
        alice.await("presence", d -> d.path("status").asText().equals("dnd"));
        bob.sendLine("arol");
        bob.awaitText("No such user: carol", WAIT);
        assertFalse(bob.transcript().substring(afterKey).contains("\u001b[2J"), "no redraw after a key");
    }

    @Test
    void theBrowserTerminalShowsTheMemberListAndRedrawsIt() {
        bbs.createUser("alice", "secret-alice");
        bbs.server().users().updateProfile(bbs.server().users().find("alice").orElseThrow().id(), "Alice Liddell",
                "", "");
        WebSocketTestClient bob = bbs.browserRegister("bob", "secret-bob");
        bob.send("w");
        bob.awaitText("Handle for details, or Enter for the menu: ");
        JsonClient alice = bbs.json("alice").connect();
        bob.awaitText("Alice Liddell (alice)");
        alice.send("set_status", JsonClient.body("status", "dnd"));
        bob.awaitText("Do not disturb - 1");
    }

    @Test
    void aPlainTerminalGetsEachChangeAsALine() {
        TelnetTestClient bob = onTerminal("dumb", "bob");
        bob.send("w");
        bob.awaitText("Handle for details, or Enter for the menu: ", WAIT);
        JsonClient alice = bbs.json("alice").connect();
        bob.awaitText("*** alice is now Online", WAIT);
        alice.send("set_status", JsonClient.body("status", "dnd"));
        bob.awaitText("*** alice is now Do not disturb", WAIT);
        assertFalse(bob.transcript().contains("\u001b[2J"), "a plain terminal is never cleared");
    }

    @Test
    void enteringChatShowsWhoIsInTheRoomAsOneLine() {
        bbs.createUser("bob", "secret-bob");
        bbs.server().users().updateProfile(bbs.server().users().find("bob").orElseThrow().id(), "Bob Smith", "", "");
        TelnetTestClient bob = TestServer.enterChat(bbs.login("bob", "secret-bob"));
        bob.sendLine("/away lunch");
        bob.awaitText("*** You are now away: lunch", WAIT);
        TelnetTestClient carol = bbs.inChat("carol");
        carol.awaitText("*** In #lobby (2): Bob Smith (bob) [away], carol", WAIT);
        assertTrue(bob.transcript().contains("*** In #lobby (1): Bob Smith (bob)"), bob.transcript());
    }
}
