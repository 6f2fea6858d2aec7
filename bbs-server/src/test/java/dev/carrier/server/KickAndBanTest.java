package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** carrier user ban and carrier kick against a running server, over real telnet sessions. */
class KickAndBanTest {

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
    void banHangsUpEveryLiveSessionAtOnceAndRefusesTheNextLogin() {
        TelnetTestClient alice = bbs.register("alice", "secret1");
        TelnetTestClient aliceInChat = TestServer.enterChat(bbs.login("alice", "secret1"));
        TelnetTestClient bob = bbs.inChat("bob");

        Cli.Result ban = Cli.run(data, "user", "ban", "ALICE", "--reason", "flooding chat").succeeded();

        assertEquals("banned alice; hung up 2 live sessions\n", ban.out());
        alice.awaitText("*** You have been banned by the sysop: flooding chat Goodbye.", WAIT);
        assertTrue(alice.awaitClosed(WAIT));
        assertTrue(aliceInChat.awaitClosed(WAIT));
        bob.awaitText("*** alice has left chat", WAIT);
        assertFalse(bob.isClosed());

        TelnetTestClient again = bbs.call();
        again.sendLine("alice");
        again.awaitText("password: ", WAIT);
        again.sendLine("secret1");
        again.awaitText("This account is banned. Contact the sysop.", WAIT);
        assertTrue(again.awaitClosed(WAIT));

        Cli.run(data, "user", "unban", "alice").succeeded();
        bbs.login("alice", "secret1");
    }

    @Test
    void banAlsoClosesJsonConnectionsAndEndsTheirTokens() {
        JsonClient alice = bbs.json("alice").connect();
        alice.await("presence", d -> d.path("username").asText().equals("alice"));
        Cli.run(data, "user", "ban", "alice").succeeded();
        alice.awaitClosed();
        assertEquals(401, alice.get("/api/presence").status());
        Cli.run(data, "user", "unban", "alice").succeeded();
        assertEquals(401, alice.get("/api/presence").status(), "an unban must not bring old tokens back");
    }

    @Test
    void kickByHandleHangsUpEveryConnectionOfThatUserWithTheReason() {
        TelnetTestClient alice = bbs.register("alice", "secret1");
        TelnetTestClient alice2 = bbs.login("alice", "secret1");
        TelnetTestClient bob = bbs.register("bob", "secret2");

        Cli.Result kick = Cli.run(data, "kick", "alice", "--reason", "take a break").succeeded();

        assertEquals("kicked alice (nodes 1, 2)\n", kick.out());
        alice.awaitText("*** You have been disconnected by the sysop: take a break", WAIT);
        assertTrue(alice.awaitClosed(WAIT));
        assertTrue(alice2.awaitClosed(WAIT));
        assertFalse(bob.isClosed());
        bbs.login("alice", "secret1"); // a kick is not a ban
    }

    @Test
    void kickByNodeHangsUpThatNodeOnly() {
        TelnetTestClient alice = bbs.register("alice", "secret1");
        TelnetTestClient stranger = bbs.call(); // node 2, still at the login prompt

        assertEquals("kicked 2 (node 2)\n", Cli.run(data, "kick", "2").succeeded().out());

        stranger.awaitText("*** You have been disconnected by the sysop.", WAIT);
        assertTrue(stranger.awaitClosed(WAIT));
        assertFalse(alice.isClosed());
    }

    @Test
    void kickingNobodyIsRefused() {
        Cli.Result node = Cli.run(data, "kick", "7");
        assertEquals(1, node.code(), node.toString());
        assertEquals("carrier: nobody is on node 7\n", node.err());

        Cli.Result handle = Cli.run(data, "kick", "carol");
        assertEquals(1, handle.code(), handle.toString());
        assertEquals("carrier: carol is not online\n", handle.err());
    }

    @Test
    void everyActionIsInTheAuditLogWithWhoDidIt() {
        bbs.register("alice", "secret1");
        Cli.run(data, "kick", "alice").succeeded();
        Cli.run(data, "user", "ban", "alice", "--reason", "spam").succeeded();

        String audit = Cli.run(data, "audit").succeeded().out();
        String actor = "shell:" + System.getProperty("user.name");
        assertTrue(audit.matches("(?s).*" + actor + "\\s+kick\\s+alice \\(node 1\\).*"), audit);
        assertTrue(audit.matches("(?s).*" + actor + "\\s+user\\.ban\\s+alice: spam.*"), audit);
        assertTrue(audit.indexOf("kick") < audit.indexOf("user.ban"), "oldest first: " + audit);
    }

    @Test
    void liveCommandsOnAStoppedServerSayItIsNotRunning() {
        bbs.close();
        for (String[] command : new String[][] {{"kick", "alice"}, {"who"}, {"broadcast", "hi"}, {"status"}, {"tail"}}) {
            Cli.Result result = Cli.run(data, command);
            assertEquals(1, result.code(), result.toString());
            assertEquals("carrier: carrier is not running: " + command[0] + " needs the running server\n",
                    result.err());
        }
    }
}
