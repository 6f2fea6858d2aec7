package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /kick and /broadcast in chat: for sysops only, checked by the server at the time of the command. */
class SysopChatCommandsTest {

    @TempDir
    Path data;

    private TestServer bbs;
    private TelnetTestClient alice;
    private TelnetTestClient bob;

    @BeforeEach
    void start() {
        bbs = TestServer.start(data);
        bob = bbs.inChat("bob");
        alice = bbs.inChat("alice");
        bob.awaitText("*** alice has joined chat", WAIT);
    }

    @AfterEach
    void stop() {
        bbs.close();
    }

    private void makeSysop(String handle) {
        Cli.run(data, "user", "sysop", handle).succeeded();
    }

    @Test
    void aUserWhoIsNotASysopCannotKickOrBroadcast() {
        bob.sendLine("/kick alice");
        bob.awaitText("Only sysops can use /kick.", WAIT);
        bob.sendLine("/broadcast hello everyone");
        bob.awaitText("Only sysops can use /broadcast.", WAIT);

        alice.sendLine("still connected");
        alice.awaitText("<alice> still connected", WAIT);
        assertFalse(alice.transcript().contains("SYSOP"), alice.transcript());
        assertFalse(Cli.run(data, "audit").out().contains("kick"));
    }

    @Test
    void aSysopKicksFromChatAndTheKickIsAudited() {
        makeSysop("alice"); // granted while logged in: holds from the next command on

        alice.sendLine("/kick bob enough for today");
        bob.awaitText("*** You have been disconnected by the sysop: enough for today", WAIT);
        assertTrue(bob.awaitClosed(WAIT));
        // Either may come first: the answer to the command, or the room's line about bob leaving.
        TestServer.awaitAll(alice, List.of("*** Kicked bob (node 1)", "*** bob has left chat"));

        String audit = Cli.run(data, "audit").succeeded().out();
        assertTrue(audit.matches("(?s).*\\salice\\s+kick\\s+bob \\(node 1\\): enough for today.*"), audit);
    }

    @Test
    void aSysopBroadcastsFromChatToEveryNode() {
        TelnetTestClient carol = bbs.register("carol", "secret3"); // at the menu
        makeSysop("alice");

        alice.sendLine("/broadcast Pizza in the lobby");
        alice.awaitText("*** SYSOP: Pizza in the lobby", WAIT);
        bob.awaitText("*** SYSOP: Pizza in the lobby", WAIT);
        carol.awaitText("*** SYSOP: Pizza in the lobby", WAIT);
        assertTrue(Cli.run(data, "audit").out().matches("(?s).*\\salice\\s+broadcast\\s+Pizza in the lobby.*"));
    }

    @Test
    void rightsTakenAwayHoldAtOnce() {
        makeSysop("alice");
        alice.sendLine("/broadcast first");
        bob.awaitText("*** SYSOP: first", WAIT);

        Cli.run(data, "user", "sysop", "alice", "--revoke").succeeded();
        alice.sendLine("/kick bob");
        alice.awaitText("Only sysops can use /kick.", WAIT);
        assertFalse(bob.isClosed());
    }

    @Test
    void aSysopCannotKickThemselves() {
        makeSysop("alice");
        alice.sendLine("/kick ALICE");
        alice.awaitText("Cannot kick yourself", WAIT);
        alice.sendLine("/kick nobody");
        alice.awaitText("*** nobody is not online", WAIT);
    }

    @Test
    void helpListsTheSysopCommandsForSysopsOnly() {
        bob.sendLine("/help");
        bob.awaitText("/quit", WAIT);
        assertFalse(bob.transcript().contains("/broadcast"), bob.transcript());

        Cli.addUser(data, "carol", "secret3", "--sysop").succeeded();
        TelnetTestClient carol = TestServer.enterChat(bbs.login("carol", "secret3"));
        carol.sendLine("/help");
        carol.awaitText("/kick HANDLE [REASON]", WAIT);
        carol.awaitText("/broadcast TEXT", WAIT);
    }
}
