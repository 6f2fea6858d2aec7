package dev.carrier.server;

import static dev.carrier.server.MailSteps.INBOX_PROMPT;
import static dev.carrier.server.MailSteps.openInbox;
import static dev.carrier.server.MailSteps.startLetter;
import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import dev.carrier.user.UserStore;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a letter may be and whom it may go to, each refusal saying what is allowed. */
class MailLimitsTest {

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
    void aSubjectOverEightyCharactersIsRefusedAndAskedAgain() {
        bbs.register("bob", "secret-bob").close();
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        openInbox(alice);
        alice.sendLine("w");
        alice.awaitText("To: ", WAIT);
        alice.sendLine("bob");
        alice.awaitText("Subject: ", WAIT);
        alice.sendLine("x".repeat(81));
        alice.awaitText("Subject must be at most 80 characters (that one has 81).", WAIT);
        alice.awaitText("Subject: ", WAIT);
        alice.sendLine("");
        alice.awaitText("A letter needs a subject: 1 to 80 characters.", WAIT);
        alice.sendLine("y".repeat(80));
        alice.awaitText("  1: ", WAIT);
    }

    @Test
    void theBodyStopsAtTwoHundredLinesAndTheRestIsRefused() {
        bbs.register("bob", "secret-bob").close();
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        openInbox(alice);
        startLetter(alice, "bob", "long");
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 201; i++) lines.append("line ").append(i).append("\r\n");
        alice.send(lines.toString());
        alice.awaitText("The letter is full: 200 lines at most; that line was not added.", WAIT);
        alice.sendLine("/s");
        alice.awaitText("Letter sent to bob.", WAIT);
        String body = only("SELECT body FROM letters");
        assertEquals(200, body.split("\n").length);
        assertTrue(body.endsWith("line 200"), body);
    }

    @Test
    void anEmptyLetterIsNotSent() {
        bbs.register("bob", "secret-bob").close();
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        openInbox(alice);
        startLetter(alice, "bob", "nothing");
        alice.sendLine("");
        alice.sendLine("/s");
        alice.awaitText("The letter is empty: write at least one line; /a aborts.", WAIT);
        alice.sendLine("/a");
        alice.awaitText("Letter aborted; nothing was sent.", WAIT);
        alice.awaitText(INBOX_PROMPT, WAIT);
        assertEquals("0", only("SELECT count(*) FROM letters"));
    }

    @Test
    void aLetterToSomeoneWhoDoesNotExistIsRefused() {
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        openInbox(alice);
        alice.sendLine("w");
        alice.awaitText("To: ", WAIT);
        alice.sendLine("ghost");
        alice.awaitText("No such user: ghost. Type a handle, or nothing to cancel.", WAIT);
        alice.awaitText("To: ", WAIT);
        alice.sendLine("");
        alice.awaitText("No letter written.", WAIT);
        alice.awaitText(INBOX_PROMPT, WAIT);
    }

    @Test
    void unknownCommandsInTheBodySayWhichThereAre() {
        bbs.register("bob", "secret-bob").close();
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        openInbox(alice);
        startLetter(alice, "bob", "slashes");
        alice.sendLine("/x");
        alice.awaitText("Unknown command: /x. /s sends, /a aborts, /q quotes, /l lists, /h helps.", WAIT);
        alice.sendLine("/q");
        alice.awaitText("There is nothing to quote: /q quotes the letter you reply to.", WAIT);
        alice.sendLine("//s is how to write /s");
        alice.sendLine("/s");
        alice.awaitText("Letter sent to bob.", WAIT);
        assertEquals("/s is how to write /s", only("SELECT body FROM letters"));
    }

    @Test
    void allIsRefusedToSomeoneWhoIsNotASysop() {
        bbs.register("bob", "secret-bob").close();
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        openInbox(alice);
        alice.sendLine("w");
        alice.awaitText("To: ", WAIT);
        alice.sendLine("all");
        alice.awaitText("Only sysops can write to all. Type a handle, or nothing to cancel.", WAIT);
        alice.awaitText("To: ", WAIT);
    }

    @Test
    void aSysopsBulletinReachesEveryUserOnlineAndOffline() {
        bbs.register("carol", "secret-carol").close();
        TelnetTestClient bob = bbs.register("bob", "secret-bob");
        bbs.register("boss", "secret-boss").close();
        makeSysop("boss", true);
        TelnetTestClient boss = bbs.login("boss", "secret-boss");

        openInbox(boss);
        startLetter(boss, "ALL", "maintenance");
        boss.sendLine("The board is down on Sunday.");
        boss.sendLine("/s");
        boss.awaitText("Bulletin sent to 2 users.", WAIT);
        bob.awaitText("*** New mail from boss (to all)", WAIT);

        TelnetTestClient carol = bbs.login("carol", "secret-carol");
        carol.awaitText("You have 1 new letter", WAIT);
        String inbox = openInbox(carol);
        assertTrue(inbox.contains("[all] maintenance"), inbox);
        carol.sendLine("1");
        carol.awaitText("To:      all (a bulletin)", WAIT);
        carol.awaitText("The board is down on Sunday.", WAIT);
        assertEquals("2", only("SELECT count(*) FROM letters WHERE bulletin = 1"));
    }

    @Test
    void sysopRightsAreCheckedAgainWhenTheBulletinIsSent() {
        bbs.register("bob", "secret-bob").close();
        bbs.register("boss", "secret-boss").close();
        makeSysop("boss", true);
        TelnetTestClient boss = bbs.login("boss", "secret-boss");
        openInbox(boss);
        startLetter(boss, "all", "last words");
        boss.sendLine("goodbye");
        makeSysop("boss", false);
        boss.sendLine("/s");
        boss.awaitText("Not sent: only sysops can write to all. The letter is still here: /s tries again, /a aborts.",
                WAIT);
        assertEquals("0", only("SELECT count(*) FROM letters"));
    }

    private void makeSysop(String handle, boolean sysop) {
        UserStore users = bbs.server().users();
        users.setSysop(users.find(handle).orElseThrow().id(), sysop);
    }

    private String only(String sql) {
        return bbs.server().database().withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
