package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static dev.carrier.server.TestServer.awaitBells;
import static dev.carrier.server.TestServer.bells;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /ignore} on every path: chat lines, actions, DMs, pages and bells, mail notices, JSON
 * clients. The ignored person is never told; a third person still hears everything.
 */
class IgnoreTest {

    @TempDir
    Path data;

    private TestServer bbs;
    private TelnetTestClient alice;
    private TelnetTestClient bob;
    private TelnetTestClient dave;

    @BeforeEach
    void start() {
        bbs = TestServer.start(data);
        alice = bbs.inChat("alice");
        bob = bbs.inChat("bob");
        dave = bbs.inChat("dave");
        bob.sendLine("/ignore ALICE");
        bob.awaitText("*** Ignoring alice: their lines, messages, pages and notices will not reach you", WAIT);
    }

    @AfterEach
    void stop() {
        bbs.close();
    }

    /** A line bob does hear, after which anything alice sent before would have arrived. */
    private void bobHearsDave(String marker) {
        dave.sendLine(marker);
        bob.awaitText("<dave> " + marker, WAIT);
    }

    @Test
    void chatLinesAndActionsOfTheIgnoredDoNotReachTheIgnorer() {
        alice.sendLine("hello bob");
        alice.sendLine("/me waves at bob");
        dave.awaitText("<alice> hello bob", WAIT);
        dave.awaitText("* alice waves at bob", WAIT);
        alice.awaitText("* alice waves at bob", WAIT);
        bobHearsDave("marker");
        assertFalse(bob.transcript().contains("hello bob"), bob.transcript());
        assertFalse(bob.transcript().contains("waves at bob"), bob.transcript());
    }

    @Test
    void directMessagesAndPagesGoAsIfDeliveredAndNothingRings() {
        long bobBells = bells(bob);
        alice.sendLine("/msg bob are you there");
        alice.awaitText("[DM to bob] are you there", WAIT);
        alice.sendLine("/page bob");
        alice.awaitText("*** Paged bob", WAIT);
        dave.sendLine("/page bob");
        dave.awaitText("*** Paged bob", WAIT);
        awaitBells(bob, bobBells + 1); // dave's page rings; alice's does not
        bobHearsDave("marker");
        assertEquals(bobBells + 1, bells(bob));
        assertFalse(bob.transcript().contains("are you there"), bob.transcript());
        assertFalse(bob.transcript().contains("alice is paging you"), bob.transcript());
        bob.sendLine("/msgs");
        bob.awaitText("No messages waiting.", WAIT);
    }

    @Test
    void mailFromTheIgnoredArrivesWithoutANotice() {
        bob.sendLine("/quit");
        bob.awaitText("Main menu: ", WAIT);
        alice.sendLine("/quit");
        alice.awaitText("Main menu: ", WAIT);
        MailSteps.mail(alice, "bob", "quiet", "a letter");
        dave.sendLine("/quit");
        dave.awaitText("Main menu: ", WAIT);
        MailSteps.mail(dave, "bob", "loud", "another");
        bob.awaitText("*** New mail from dave", WAIT);
        assertFalse(bob.transcript().contains("New mail from alice"), bob.transcript());
        String inbox = MailSteps.openInbox(bob);
        assertTrue(inbox.contains("quiet") && inbox.contains("loud"), inbox);
    }

    @Test
    void jsonClientsOfTheIgnorerGetNothingFromTheIgnored() {
        JsonClient bobApp = bbs.json("bob").connect();
        bobApp.await("presence", d -> d.path("username").asText().equals("bob"));
        alice.sendLine("for json");
        alice.sendLine("/msg bob json dm");
        alice.awaitText("[DM to bob] json dm", WAIT);
        dave.sendLine("json marker");
        bobApp.await("chat", d -> d.path("text").asText().equals("json marker"));
        JsonClient aliceApp = bbs.json("alice").connect();
        aliceApp.send("typing", JsonClient.body("to", "bob").put("typing", true));
        aliceApp.send("send_message", JsonClient.body("to", "bob", "text", "from the app"));
        aliceApp.await("new_message", d -> d.path("text").asText().equals("from the app"));
        dave.sendLine("json marker 2");
        bobApp.await("chat", d -> d.path("text").asText().equals("json marker 2"));
        assertTrue(bobApp.all("chat").stream().noneMatch(d -> d.path("from").asText().equals("alice")
                && d.path("kind").asText().equals("public")));
        assertTrue(bobApp.all("new_message").isEmpty(), bobApp.all("new_message").toString());
        assertTrue(bobApp.all("bell").isEmpty());
        assertTrue(bobApp.all("typing").isEmpty());
    }

    @Test
    void theListUnignoreAndARestartKeepIt() {
        bob.sendLine("/ignore");
        bob.awaitText("*** Ignoring: alice", WAIT);
        bob.sendLine("/ignore nobody");
        bob.awaitText("No such user: nobody", WAIT);
        bob.sendLine("/ignore bob");
        bob.awaitText("Cannot ignore yourself", WAIT);
        bbs.close();

        bbs = TestServer.start(data);
        TelnetTestClient bob2 = TestServer.enterChat(bbs.login("bob", "secret-bob"));
        TelnetTestClient alice2 = TestServer.enterChat(bbs.login("alice", "secret-alice"));
        bob2.awaitText("*** alice has joined chat", WAIT);
        alice2.sendLine("still ignored");
        alice2.awaitText("<alice> still ignored", WAIT);
        bob2.sendLine("/unignore alice");
        bob2.awaitText("*** No longer ignoring alice", WAIT);
        alice2.sendLine("heard again");
        bob2.awaitText("<alice> heard again", WAIT);
        assertFalse(bob2.transcript().contains("still ignored"), bob2.transcript());
        bob2.sendLine("/unignore alice");
        bob2.awaitText("*** You were not ignoring alice", WAIT);
    }

    @Test
    void aSysopsBroadcastCannotBeIgnored() {
        Cli.run(data, "user", "sysop", "alice").succeeded();
        bob.sendLine("/ignore");
        bob.awaitText("*** Ignoring: alice", WAIT);
        alice.sendLine("/broadcast everyone listen");
        bob.awaitText("*** SYSOP: everyone listen", WAIT);
    }
}
