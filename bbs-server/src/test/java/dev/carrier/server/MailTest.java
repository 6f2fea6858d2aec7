package dev.carrier.server;

import static dev.carrier.server.MailSteps.INBOX_PROMPT;
import static dev.carrier.server.MailSteps.mail;
import static dev.carrier.server.MailSteps.openInbox;
import static dev.carrier.server.MailSteps.write;
import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two telnet users exchanging letters: write, read, reply with a quote, delete, notices. */
class MailTest {

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
    void aLetterIsListedAsNewThenReadAndNoLongerNew() {
        TelnetTestClient bob = bbs.register("bob", "secret-bob");
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        mail(alice, "bob", "lunch", "shall we?", "at noon");

        String inbox = openInbox(bob);
        assertTrue(Pattern.compile("\\n\\s+1\\s+\\*\\s+alice\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+lunch\\r\\n")
                .matcher(inbox).find(), inbox);
        assertTrue(inbox.contains("1 letter, 1 new"), inbox);
        bob.sendLine("1");
        bob.awaitText("From:    alice", WAIT);
        bob.awaitText("Subject: lunch", WAIT);
        String body = bob.awaitText("end of letter 1", WAIT);
        assertTrue(body.contains("shall we?\r\nat noon\r\n"), body);
        bob.awaitText("[Q] back to the list: ", WAIT);
        bob.send("q");
        bob.awaitPattern(Pattern.compile("\\n\\s+1\\s{7}alice\\s+\\S+ \\S+\\s+lunch\\r\\n"), WAIT);
        bob.awaitText("1 letter, 0 new", WAIT);
        bob.awaitText(INBOX_PROMPT, WAIT);
    }

    @Test
    void theInboxIsNumberedNewestLast() {
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        bbs.register("bob", "secret-bob").close();
        openInbox(alice);
        write(alice, "bob", "first", List.of("one"));
        write(alice, "bob", "second", List.of("two"));
        write(alice, "bob", "third", List.of("three"));

        TelnetTestClient bob = bbs.login("bob", "secret-bob");
        String inbox = openInbox(bob);
        assertTrue(Pattern.compile("1\\s+\\*\\s+alice.*first\\r\\n.*2\\s+\\*\\s+alice.*second\\r\\n"
                + ".*3\\s+\\*\\s+alice.*third\\r\\n").matcher(inbox).find(), inbox);
        bob.sendLine("n");
        bob.awaitText("Subject: first", WAIT);
        bob.send("n");
        bob.awaitText("Subject: second", WAIT);
    }

    @Test
    void aReplyGoesToTheSenderQuotingTheOriginalAndReturnsToTheInbox() {
        TelnetTestClient bob = bbs.register("bob", "secret-bob");
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        mail(alice, "bob", "lunch", "shall we?", "", "at noon");

        openInbox(bob);
        bob.sendLine("1");
        bob.awaitText("[Q] back to the list: ", WAIT);
        bob.sendLine("r"); // a line-mode client sends Enter after the key; it is swallowed
        bob.awaitText("Replying to alice.", WAIT);
        bob.awaitText("Subject [Re: lunch]: ", WAIT);
        bob.sendLine("");
        bob.awaitText("  1: ", WAIT);
        bob.sendLine("/q");
        bob.awaitText("Quoted alice's letter (4 lines).", WAIT);
        bob.sendLine("yes, see you there");
        bob.sendLine("/l");
        String listing = bob.awaitText("(5 of 200 lines)", WAIT);
        assertTrue(listing.contains("  2: > shall we?\r\n  3: >\r\n  4: > at noon\r\n  5: yes, see you there"), listing);
        bob.sendLine("/s");
        bob.awaitText("Letter sent to alice.", WAIT);
        bob.awaitText("Mail for bob", WAIT);
        bob.awaitText(INBOX_PROMPT, WAIT);

        alice.awaitText("*** New mail from bob", WAIT);
        openInbox(alice);
        alice.sendLine("1");
        alice.awaitText("Subject: Re: lunch", WAIT);
        String reply = alice.awaitText("end of letter 1", WAIT);
        assertTrue(Pattern.compile("On \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC, alice wrote:\\r\\n> shall we\\?\\r\\n>\\r\\n"
                + "> at noon\\r\\nyes, see you there\\r\\n").matcher(reply).find(), reply);
    }

    @Test
    void replyingFromTheListByNumberWorksToo() {
        TelnetTestClient bob = bbs.register("bob", "secret-bob");
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        mail(alice, "bob", "question", "why?");
        openInbox(bob);
        bob.sendLine("r 1");
        bob.awaitText("Subject [Re: question]: ", WAIT);
        bob.sendLine("because");
        bob.sendLine("that is why");
        bob.sendLine("/s");
        bob.awaitText("Letter sent to alice.", WAIT);
        bob.awaitText(INBOX_PROMPT, WAIT);
        assertEquals(1, count("SELECT count(*) FROM letters WHERE recipient = 'alice' AND subject = 'because'"));
    }

    @Test
    void deletingAsksFirstThenRemovesTheLetter() {
        TelnetTestClient bob = bbs.register("bob", "secret-bob");
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        mail(alice, "bob", "keep me", "1");
        mail(alice, "bob", "bin me", "2");

        openInbox(bob);
        bob.sendLine("d 2");
        bob.awaitText("Delete letter 2 from alice, \"bin me\"? (y/N): ", WAIT);
        bob.send("n");
        bob.awaitText("Kept.", WAIT);
        bob.awaitText("2 letters", WAIT);
        bob.sendLine("d2");
        bob.awaitText("(y/N): ", WAIT);
        bob.send("y");
        bob.awaitText("Letter 2 deleted.", WAIT);
        bob.awaitText("1 letter, 1 new", WAIT);
        bob.awaitText(INBOX_PROMPT, WAIT);
        assertEquals(List.of("keep me"), subjects("bob"));

        bob.sendLine("1");
        bob.awaitText("[Q] back to the list: ", WAIT);
        bob.send("d");
        bob.awaitText("(y/N): ", WAIT);
        bob.send("y");
        bob.awaitText("Letter 1 deleted.", WAIT);
        bob.awaitText("No letters.", WAIT);
        assertEquals(List.of(), subjects("bob"));
    }

    @Test
    void badInboxCommandsSayWhatToDo() {
        TelnetTestClient bob = bbs.register("bob", "secret-bob");
        openInbox(bob);
        bob.sendLine("1");
        bob.awaitText("Your mailbox is empty.", WAIT);
        bob.sendLine("x");
        bob.awaitText("No such command: x. Type ? for help.", WAIT);
        bob.sendLine("r");
        bob.awaitText("Usage: R NUMBER", WAIT);
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        mail(alice, "bob", "hi", "there");
        bob.awaitText("*** New mail from alice", WAIT);
        bob.sendLine("l");
        bob.awaitText("1 letter", WAIT);
        bob.sendLine("7");
        bob.awaitText("No letter 7: pick 1 to 1.", WAIT);
    }

    @Test
    void anOnlineRecipientIsToldAtOnceWithoutLosingAHalfTypedLine() {
        TelnetTestClient bob = TestServer.enterChat(bbs.register("bob", "secret-bob"));
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        bob.send("half a");
        bob.awaitText("half a", WAIT);
        long bells = TestServer.bells(bob);

        mail(alice, "bob", "ping", "are you there?");
        bob.awaitText("*** New mail from alice\r\n", WAIT);
        bob.awaitText("half a", WAIT); // drawn again below the notice
        TestServer.awaitBells(bob, bells + 1);
        bob.sendLine(" line");
        bob.awaitText("<bob> half a line", WAIT);
    }

    @Test
    void aNoticeWaitsWhileALetterIsBeingWrittenAndShowsAfterwards() {
        TelnetTestClient bob = bbs.register("bob", "secret-bob");
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        openInbox(bob);
        MailSteps.startLetter(bob, "alice", "draft");
        bob.sendLine("first line");
        bob.awaitText("  2: ", WAIT);

        mail(alice, "bob", "meanwhile", "hello");
        alice.sendLine("c");
        alice.awaitText("*** Welcome to chat", WAIT);
        alice.sendLine("/msg bob psst");
        alice.awaitText("[DM to bob] psst", WAIT);
        // Both are on bob's executor before his next line: had they been shown, they would be by now.
        bob.sendLine("second line");
        String writing = bob.awaitText("  3: ", WAIT);
        assertFalse(writing.contains("New mail") || writing.contains("psst"), writing);

        bob.sendLine("/s");
        bob.awaitText("Letter sent to alice.", WAIT);
        bob.awaitText("*** New mail from alice", WAIT);
        bob.awaitText("[DM from alice] psst", WAIT);
        bob.awaitText(INBOX_PROMPT, WAIT);
    }

    @Test
    void theCountOfNewLettersIsShownAtLogin() {
        bbs.register("bob", "secret-bob").close();
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        mail(alice, "bob", "one", "1");
        mail(alice, "bob", "two", "2");

        TelnetTestClient bob = bbs.login("bob", "secret-bob");
        bob.awaitText("You have 2 new letters", WAIT);
        openInbox(bob);
        bob.sendLine("1");
        bob.awaitText("end of letter 1", WAIT);
        bob.send("q");
        bob.awaitText(INBOX_PROMPT, WAIT);

        TelnetTestClient again = bbs.login("bob", "secret-bob");
        again.awaitText("You have 1 new letter\r\n", WAIT);
    }

    @Test
    void lettersAndDirectMessagesAreKeptApart() {
        bbs.register("bob", "secret-bob").close();
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        mail(alice, "bob", "a letter", "in the mailbox");
        TestServer.enterChat(alice);
        alice.sendLine("/msg bob a direct message");
        alice.awaitText("will see your message at their next login", WAIT);

        TelnetTestClient bob = bbs.login("bob", "secret-bob");
        TestServer.awaitAll(bob, List.of("You have 1 message waiting", "You have 1 new letter"));
        String inbox = openInbox(bob);
        inbox = inbox.substring(inbox.indexOf("Mail for bob"));
        assertTrue(inbox.contains("1 letter, 1 new"), inbox);
        assertFalse(inbox.contains("direct message"), inbox);
        assertEquals(1, count("SELECT count(*) FROM letters"));
        assertEquals(1, count("SELECT count(*) FROM direct_messages"));
    }

    @Test
    void aLongLetterPagesAtTheTerminalsHeight() {
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        bbs.register("bob", "secret-bob").close();
        mail(alice, "bob", "long", numberedLines(40));

        // NAWS says 12 rows: 11 lines a page, then the more-prompt. The header takes 7 of the first.
        TelnetTestClient bob = TestServer.login(bbs.call(TelnetTestClient.Options.telnet().withWindowSize(80, 12)),
                "bob", "secret-bob");
        openInbox(bob);
        bob.sendLine("1");
        String first = bob.awaitText("-- More (", WAIT);
        assertTrue(first.contains("line 04\r\n") && !first.contains("line 05"), first);
        bob.sendLine("");
        String second = bob.awaitText("-- More (", WAIT);
        assertTrue(second.contains("line 05\r\n") && second.contains("line 15\r\n") && !second.contains("line 16"), second);
        bob.send(" ");
        bob.awaitText("line 26\r\n-- More (", WAIT);
        bob.send("q");
        String rest = bob.awaitText("[Q] back to the list: ", WAIT);
        assertFalse(rest.contains("line 27"), rest);
    }

    @Test
    void aTerminalThatReportsNoSizeIsPagedAt24Lines() {
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        bbs.register("bob", "secret-bob").close();
        mail(alice, "bob", "long", numberedLines(30));

        TelnetTestClient bob = TestServer.login(bbs.call(TelnetTestClient.Options.raw()), "bob", "secret-bob");
        openInbox(bob);
        bob.sendLine("1");
        String first = bob.awaitText("-- More (", WAIT);
        assertTrue(first.contains("line 16\r\n") && !first.contains("line 17"), first);
    }

    @Test
    void composeOpenedFromAMenuGoesBackToThatMenu() throws IOException {
        Path menus = Files.createDirectory(data.resolve("menus"));
        Files.writeString(menus.resolve("main.yml"), """
                title: Main Menu
                prompt: "Main menu: "
                entries:
                  - { key: E, label: "Write a letter", service: __mail_compose__ }
                  - { key: M, label: "Mail", service: __mail_inbox__ }
                """);
        try (TestServer custom = TestServer.start(ServerConfig.forTests(data.resolve("other")).withMenusDir(menus))) {
            custom.register("bob", "secret-bob").close();
            TelnetTestClient alice = custom.register("alice", "secret-alice");
            alice.send("e");
            alice.awaitText("To: ", WAIT);
            alice.sendLine("bob");
            alice.sendLine("hello");
            alice.sendLine("from the menu");
            alice.sendLine("/s");
            alice.awaitText("Letter sent to bob.", WAIT);
            alice.awaitText("[E] Write a letter", WAIT);
            alice.awaitText("Main menu: ", WAIT);
        }
    }

    static String[] numberedLines(int count) {
        String[] lines = new String[count];
        for (int i = 0; i < count; i++) lines[i] = String.format("line %02d", i + 1);
        return lines;
    }

    private List<String> subjects(String recipient) {
        return bbs.server().database().withConnection(c -> {
            try (var s = c.prepareStatement("SELECT subject FROM letters WHERE recipient = ? ORDER BY id")) {
                s.setString(1, recipient);
                try (ResultSet rs = s.executeQuery()) {
                    List<String> subjects = new ArrayList<>();
                    while (rs.next()) subjects.add(rs.getString(1));
                    return subjects;
                }
            }
        });
    }

    private int count(String sql) {
        return bbs.server().database().withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
