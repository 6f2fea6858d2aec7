package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MenuTest {

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

    @Test
    void menuKeyWorksWithoutEnter() {
        TelnetTestClient alice = bbs.register("alice", "secret1");
        alice.send("w");
        alice.awaitText("Node", WAIT);
        alice.awaitText("Handle for details, or Enter for the menu: ", WAIT);
        alice.sendLine("");
        alice.awaitText("Main menu: ", WAIT);
    }

    @Test
    void menuKeyWorksWithEnterAndInEitherCase() {
        TelnetTestClient alice = bbs.register("alice", "secret1");
        alice.sendLine("W");
        alice.awaitText("Node", WAIT);
        alice.awaitText("Handle for details", WAIT);
        alice.sendLine("");
        alice.awaitText("Main menu: ", WAIT);
        alice.sendLine("w");
        alice.awaitText("Node", WAIT);
        alice.awaitText("Handle for details", WAIT);
    }

    @Test
    void unknownKeySaysSoAndPromptsAgain() {
        TelnetTestClient alice = bbs.register("alice", "secret1");
        alice.send("z");
        alice.awaitText("No such choice: z", WAIT);
        alice.awaitText("Main menu: ", WAIT);
    }

    @Test
    void whoListsEveryNodeWithHandleActivityAndTransport() {
        TelnetTestClient alice = bbs.register("alice", "secret1");
        TelnetTestClient bob = bbs.register("bob", "secret2");
        TelnetTestClient stranger = bbs.call();
        alice.send("w");
        alice.awaitText("Online - 2", WAIT);
        alice.awaitPattern(Pattern.compile("1\\s+alice\\s+Who's Online\\s+\\d+:\\d\\d\\s+telnet"), WAIT);
        alice.awaitPattern(Pattern.compile("2\\s+bob\\s+Main Menu\\s+\\d+:\\d\\d\\s+telnet"), WAIT);
        alice.awaitPattern(Pattern.compile("Logging in - 1\\s+3\\s+-\\s+Logging in"), WAIT);
        stranger.close();
        bob.close();
    }

    @Test
    void whoLeadsToAProfileCard() {
        TelnetTestClient alice = bbs.register("alice", "secret1");
        TelnetTestClient bob = bbs.register("bob", "secret2");
        bob.send("w");
        bob.awaitText("Handle for details", WAIT);
        bob.sendLine("ALICE");
        bob.awaitText("alice", WAIT);
        bob.awaitText("Status:    Online", WAIT);
        bob.awaitText("Last login: ", WAIT);
        bob.awaitText("Handle for details", WAIT);
        bob.sendLine("nobody");
        bob.awaitText("No such user: nobody", WAIT);
        bob.sendLine("");
        bob.awaitText("Main menu: ", WAIT);
        alice.close();
    }

    @Test
    void goodbyeSaysGoodbyeAndHangsUp() {
        TelnetTestClient alice = bbs.register("alice", "secret1");
        alice.send("G");
        alice.awaitText("Goodbye, alice.", WAIT);
        assertTrue(alice.awaitClosed(WAIT));
    }
}
