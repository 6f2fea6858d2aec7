package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static dev.carrier.server.TestServer.awaitBells;
import static dev.carrier.server.TestServer.bells;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sysop's {@code /chat HANDLE} reaches a caller wherever they are, and {@code /end} puts them back. */
class BreakInChatTest {

    @TempDir
    Path data;

    private TestServer bbs;
    private TelnetTestClient sysop;

    @BeforeEach
    void start() {
        bbs = TestServer.start(data);
        Cli.addUser(data, "sam", "secret-sam", "--sysop").succeeded();
        sysop = TestServer.enterChat(bbs.login("sam", "secret-sam"));
    }

    @AfterEach
    void stop() {
        bbs.close();
    }

    @Test
    void aCallerAtTheMenuIsPulledIntoAChatAndBackToTheMenu() {
        TelnetTestClient bob = bbs.register("bob", "secret-bob");
        long bells = bells(bob);
        sysop.sendLine("/chat bob");
        bob.awaitText("*** The sysop (sam) has broken in for a chat. Type /end to go back to where you were.", WAIT);
        awaitBells(bob, bells + 1);
        sysop.awaitText("*** Chatting with bob. Type /end to finish.", WAIT);
        bob.sendLine("hi sysop");
        sysop.awaitText("<bob> hi sysop", WAIT);
        sysop.sendLine("hello bob");
        bob.awaitText("<sam> hello bob", WAIT);
        bob.sendLine("/end");
        bob.awaitText("*** The chat with the sysop has ended.", WAIT);
        sysop.awaitText("*** The chat with the sysop has ended.", WAIT);
        bob.awaitText("Main menu: ", WAIT);
        bob.send("w");
        bob.awaitText("Handle for details, or Enter for the menu: ", WAIT);
        sysop.sendLine("back in the room");
        sysop.awaitText("<sam> back in the room", WAIT);
    }

    @Test
    void aLetterBeingWrittenKeepsItsLinesAndTheHalfTypedOne() {
        TelnetTestClient carol = bbs.register("carol", "secret-carol");
        TelnetTestClient bob = bbs.register("bob", "secret-bob");
        MailSteps.openInbox(bob);
        MailSteps.startLetter(bob, "carol", "interrupted");
        bob.sendLine("first line");
        bob.awaitText("  2: ", WAIT);
        bob.send("half");
        bob.awaitText("half", WAIT);
        sysop.sendLine("/chat bob");
        bob.awaitText("*** The sysop (sam) has broken in", WAIT);
        sysop.sendLine("sorry to interrupt");
        bob.awaitText("<sam> sorry to interrupt", WAIT);
        sysop.sendLine("/end");
        bob.awaitText("*** The chat with the sysop has ended.", WAIT);
        bob.awaitText("  2: half", WAIT);
        bob.sendLine("-way done");
        bob.awaitText("  3: ", WAIT);
        bob.sendLine("/s");
        bob.awaitText("Letter sent to carol", WAIT);

        MailSteps.openInbox(carol);
        carol.sendLine("1");
        String letter = carol.awaitText("half-way done", WAIT);
        assertTrue(letter.contains("first line"), letter);
        assertTrue(!letter.contains("sorry to interrupt"), letter);
    }

    @Test
    void onlySysopsMayBreakIn() {
        TelnetTestClient bob = bbs.inChat("bob");
        bbs.inChat("carol");
        bob.sendLine("/chat carol");
        bob.awaitText("Only sysops can use /chat.", WAIT);
        sysop.sendLine("/chat nobody");
        sysop.awaitText("nobody is not online", WAIT);
    }

    @Test
    void aCallerHangingUpEndsTheChatForTheSysop() {
        TelnetTestClient bob = TestServer.enterChat(bbs.register("bob", "secret-bob"));
        sysop.sendLine("/chat bob");
        bob.awaitText("*** The sysop (sam) has broken in", WAIT);
        bob.close();
        sysop.awaitText("*** bob hung up; the chat has ended.", WAIT);
        sysop.sendLine("room again");
        sysop.awaitText("<sam> room again", WAIT);
    }

    @Test
    void pageSysopRingsEverySysopOnline() {
        TelnetTestClient bob = bbs.inChat("bob");
        long bells = bells(sysop);
        bob.sendLine("/page sysop");
        bob.awaitText("*** Paged the sysop", WAIT);
        sysop.awaitText("*** bob is paging the sysop (/chat bob)", WAIT);
        awaitBells(sysop, bells + 1);
        sysop.sendLine("/quit");
        sysop.awaitText("Main menu: ", WAIT);
        sysop.send("g");
        sysop.awaitClosed(WAIT);
        TestServer.eventually().until(() -> bbs.server().nodes().inUse() == 1);
        bob.sendLine("/page SYSOP");
        bob.awaitText("*** No sysop is online; the console has been told", WAIT);
    }
}
