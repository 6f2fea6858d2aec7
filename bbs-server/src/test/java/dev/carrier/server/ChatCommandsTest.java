package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static dev.carrier.server.TestServer.awaitBells;
import static dev.carrier.server.TestServer.bells;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every row of the chat table in PROTOCOL.md, over real telnet connections. */
class ChatCommandsTest {

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

    @Test
    void enteringChatWelcomesTheUserAndAnnouncesThemToOthers() {
        assertFalse(alice.transcript().contains("*** alice has joined chat"), alice.transcript());
    }

    @Test
    void aLineIsSeenByEveryoneAsHandleInBrackets() {
        alice.sendLine("hello");
        alice.awaitText("<alice> hello", WAIT);
        bob.awaitText("<alice> hello", WAIT);
    }

    @Test
    void meIsAnAction() {
        alice.sendLine("/me waves");
        alice.awaitText("* alice waves", WAIT);
        bob.awaitText("* alice waves", WAIT);
    }

    @Test
    void msgIsPrivateAndRingsTheRecipientsBell() {
        TelnetTestClient carol = bbs.inChat("carol");
        long bobBells = bells(bob);
        alice.sendLine("/msg BOB hi there");
        alice.awaitText("[DM to bob] hi there", WAIT);
        bob.awaitText("[DM from alice] hi there", WAIT);
        awaitBells(bob, bobBells + 1);
        carol.sendLine("marker");
        carol.awaitText("<carol> marker", WAIT);
        assertFalse(carol.transcript().contains("hi there"), carol.transcript());
    }

    @Test
    void replyGoesToTheLastSender() {
        bob.sendLine("/r anyone?");
        bob.awaitText("No one to reply to", WAIT);
        alice.sendLine("/msg bob ping");
        bob.awaitText("[DM from alice] ping", WAIT);
        bob.sendLine("/r thanks");
        bob.awaitText("[DM to alice] thanks", WAIT);
        alice.awaitText("[DM from bob] thanks", WAIT);
    }

    @Test
    void pageRingsTheBellOfTheOneOnly() {
        long bobBells = bells(bob);
        alice.sendLine("/page bob");
        alice.awaitText("*** Paged bob", WAIT);
        bob.awaitText("*** alice is paging you", WAIT);
        awaitBells(bob, bobBells + 1);
        assertEquals(0, bells(alice));
    }

    @Test
    void whoListsThePeopleInChatWithStatusAndIdleTime() {
        bob.sendLine("/away lunch");
        bob.awaitText("*** You are now away", WAIT);
        alice.sendLine("/who");
        alice.awaitText("Online - 1", WAIT);
        alice.awaitPattern(Pattern.compile("alice\\s+In Chat\\s+\\d+:\\d\\d\\s+telnet"), WAIT);
        alice.awaitText("Away - 1", WAIT);
        alice.awaitPattern(Pattern.compile("bob\\s+In Chat\\s+\\d+:\\d\\d\\s+telnet\\s+\\(lunch\\)"), WAIT);
    }

    @Test
    void awayDndAndBackSetPresenceAndTellTheRoom() {
        alice.sendLine("/away lunch");
        alice.awaitText("*** You are now away", WAIT);
        bob.awaitText("*** alice is away: lunch", WAIT);
        assertEquals("away", bbs.server().presence().status("alice").wireName());
        alice.sendLine("/dnd");
        alice.awaitText("*** You are now dnd", WAIT);
        bob.awaitText("*** alice does not want to be disturbed", WAIT);
        assertEquals("dnd", bbs.server().presence().status("alice").wireName());
        alice.sendLine("/back");
        alice.awaitText("*** You are now back", WAIT);
        bob.awaitText("*** alice is back", WAIT);
        assertEquals("online", bbs.server().presence().status("alice").wireName());
    }

    @Test
    void helpListsEveryCommand() {
        alice.sendLine("/help");
        String help = alice.awaitText("/quit", WAIT);
        for (String command : new String[] {"/me", "/msg", "/r", "/page", "/who", "/away", "/dnd", "/back", "/help"}) {
            assertTrue(help.contains(command), command + " missing from " + help);
        }
    }

    @Test
    void quitGoesBackToTheMenuAndOthersSeeTheLeave() {
        alice.sendLine("/quit");
        alice.awaitText("Main menu: ", WAIT);
        bob.awaitText("*** alice has left chat", WAIT);
    }

    @Test
    void anUnknownCommandSaysHowToGetHelp() {
        alice.sendLine("/foo");
        alice.awaitText("Unknown command: /foo. Type /help for available commands.", WAIT);
    }

    @Test
    void handlesInCommandsMatchWithoutRegardToCase() {
        alice.sendLine("/page BoB");
        alice.awaitText("*** Paged bob", WAIT);
        bob.awaitText("*** alice is paging you", WAIT);
    }

    @Test
    void messagingYourselfIsRefused() {
        alice.sendLine("/msg Alice hi");
        alice.awaitText("Cannot message yourself", WAIT);
    }

    @Test
    void messagingSomeoneWhoDoesNotExistSaysTheyAreNotOnline() {
        alice.sendLine("/msg ghost hello?");
        alice.awaitText("ghost is not online", WAIT);
    }

    @Test
    void hangingUpInChatIsALeave() {
        alice.close();
        bob.awaitText("*** alice has left chat", WAIT);
    }

    @Test
    void enteringChatShowsTheLastLinesSaid() {
        alice.sendLine("first words");
        bob.awaitText("<alice> first words", WAIT);
        TelnetTestClient carol = bbs.inChat("carol");
        assertTrue(carol.transcript().contains("<alice> first words"), carol.transcript());
    }

    @Test
    void whoOnTheMenuShowsTheNodeIsInChat() {
        TelnetTestClient carol = bbs.register("carol", "secret-carol");
        carol.send("w");
        carol.awaitPattern(Pattern.compile("alice\\s+In Chat"), WAIT);
    }
}
