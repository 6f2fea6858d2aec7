package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static dev.carrier.server.TestServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import dev.carrier.terminal.ScreenModel;
import dev.carrier.message.DirectMessage;
import dev.carrier.message.MessageStore;
import dev.carrier.message.SqliteMessageStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chat on an ANSI terminal, read as a screen: the room scrolls above a status bar and an input
 * line, each line shows once, and what is being typed is never disturbed.
 */
class ChatScreenTest {

    private static final int COLUMNS = 60;
    private static final int ROWS = 12;

    @TempDir
    Path data;

    /** A caller's terminal: the bytes the client received, played on a screen model. */
    private static final class Screen {
        final TelnetTestClient client;
        final ScreenModel model;
        private int fed;

        Screen(TelnetTestClient client, int columns, int rows) {
            this.client = client;
            this.model = new ScreenModel(columns, rows);
            this.fed = client.transcript().length();
        }

        ScreenModel now() {
            String all = client.transcript();
            model.feed(all.substring(fed));
            fed = all.length();
            return model;
        }

        /** Waits until the screen shows what {@code shows} checks; fails showing the screen. */
        ScreenModel await(String what, Predicate<ScreenModel> shows) {
            eventually().alias(what).until(() -> shows.test(now()));
            return model;
        }

        /** The resize as a terminal does it (its own screen first), then NAWS to the server. */
        void resize(int columns, int rows) {
            now();
            model.resize(columns, rows);
            client.resize(columns, rows);
        }
    }

    private Screen callInChat(TestServer bbs, String handle, String type) {
        TelnetTestClient client = bbs.call(TelnetTestClient.Options.telnet().withTerminalType(type)
                .withWindowSize(COLUMNS, ROWS));
        Screen screen = new Screen(client, COLUMNS, ROWS);
        client.sendLine("new");
        client.awaitText("new handle: ", WAIT);
        client.sendLine(handle);
        client.awaitText("new password: ", WAIT);
        client.sendLine("secret-" + handle);
        client.awaitText("repeat password: ", WAIT);
        client.sendLine("secret-" + handle);
        client.awaitText("Main menu: ", WAIT);
        TestServer.enterChat(client);
        screen.await("the chat screen", s -> s.row(ROWS - 1).contains("#lobby") && s.cursorRow() == ROWS);
        return screen;
    }

    @Test
    void yourOwnLineShowsOnceInTheRoomAndTheInputLineClears() {
        try (TestServer bbs = TestServer.start(data)) {
            Screen alice = callInChat(bbs, "alice", "xterm");
            int scrolledBefore = alice.now().scrolledOff();
            alice.client.sendLine("hello there");
            ScreenModel screen = alice.await("<alice> hello there", s -> s.count("<alice> hello there") == 1);
            assertEquals(1, screen.count("hello there"), screen.toString());
            assertEquals("<alice> hello there", screen.row(ROWS - 3), screen.toString());
            assertEquals("", screen.row(ROWS - 2), "a blank row parts the room from the bar:\n" + screen);
            assertEquals("", screen.row(ROWS), screen.toString());
            assertEquals(ROWS, screen.cursorRow(), screen.toString());
            assertEquals(1, screen.cursorColumn(), screen.toString());
            assertEquals(scrolledBefore, screen.scrolledOff(), "nothing scrolled the whole screen:\n" + screen);
        }
    }

    @Test
    void aLineArrivingWhileTypingLandsAboveTheInputAndTheTypedTextStays() {
        try (TestServer bbs = TestServer.start(data)) {
            Screen alice = callInChat(bbs, "alice", "xterm");
            Screen bob = callInChat(bbs, "bob", "ansi");
            alice.await("bob's join", s -> s.count("*** bob has joined chat") == 1);
            alice.client.send("half typ");
            alice.await("the typed text", s -> s.row(ROWS).equals("half typ"));
            bob.client.sendLine("hi alice");
            ScreenModel screen = alice.await("bob's line", s -> s.count("<bob> hi alice") == 1);
            assertEquals("<bob> hi alice", screen.row(ROWS - 3), screen.toString());
            assertEquals("half typ", screen.row(ROWS), screen.toString());
            assertEquals(ROWS, screen.cursorRow(), screen.toString());
            assertEquals(9, screen.cursorColumn(), screen.toString());

            alice.client.sendLine("ed");
            screen = alice.await("alice's line", s -> s.count("<alice> half typed") == 1);
            assertEquals("<bob> hi alice", screen.row(ROWS - 4), screen.toString());
            assertEquals("<alice> half typed", screen.row(ROWS - 3), screen.toString());
            bob.await("alice's line at bob", s -> s.count("<alice> half typed") == 1);
        }
    }

    @Test
    void theStatusBarCountsPeopleAsTheyJoinAndLeave() {
        try (TestServer bbs = TestServer.start(data)) {
            Screen alice = callInChat(bbs, "alice", "xterm");
            assertTrue(alice.now().row(ROWS - 1).contains("1 person"), alice.model.toString());
            assertTrue(alice.model.row(ROWS - 1).contains("alice: online"), alice.model.toString());
            assertTrue(alice.model.row(ROWS - 1).matches(".*\\d\\d:\\d\\d.*"), alice.model.toString());
            Screen bob = callInChat(bbs, "bob", "xterm");
            alice.await("2 people", s -> s.row(ROWS - 1).contains("2 people"));
            alice.client.sendLine("/away lunch");
            alice.await("away in the bar", s -> s.row(ROWS - 1).contains("alice: away"));
            bob.client.sendLine("/quit");
            ScreenModel screen = alice.await("1 person", s -> s.row(ROWS - 1).contains("1 person"));
            assertEquals(ROWS, screen.cursorRow(), screen.toString());
        }
    }

    @Test
    void aResizeDrawsTheLayoutForTheNewSize() {
        try (TestServer bbs = TestServer.start(data)) {
            Screen alice = callInChat(bbs, "alice", "xterm");
            alice.client.send("draft");
            alice.await("the typed text", s -> s.row(ROWS).equals("draft"));
            alice.resize(70, 16);
            ScreenModel screen = alice.await("the bar on row 15", s -> s.row(15).contains("#lobby")
                    && s.row(16).equals("draft"));
            assertEquals(16, screen.cursorRow(), screen.toString());
            assertEquals(6, screen.cursorColumn(), screen.toString());
            assertEquals(1, screen.scrollRegion()[0]);
            assertEquals(14, screen.scrollRegion()[1]);
            alice.client.sendLine("");
            alice.client.sendLine("after the resize");
            alice.await("the line above the bar", s -> s.row(13).equals("<alice> after the resize"));
            assertEquals(1, alice.model.count("<alice> draft"), alice.model.toString());
        }
    }

    @Test
    void quitLeavesAScreenThatScrollsAsAWhole() {
        try (TestServer bbs = TestServer.start(data)) {
            Screen alice = callInChat(bbs, "alice", "xterm");
            alice.client.sendLine("bye all");
            alice.await("the line", s -> s.count("<alice> bye all") == 1);
            alice.client.sendLine("/quit");
            alice.client.awaitText("Main menu: ", WAIT);
            ScreenModel screen = alice.now();
            assertTrue(screen.wholeScreenScrolls(), screen.toString());
            assertFalse(String.join("\n", screen.lines()).contains("#lobby"), screen.toString());
            int before = screen.scrolledOff();
            for (int i = 0; i < ROWS; i++) alice.client.send("\r\n");
            alice.await("the whole screen scrolling", s -> s.scrolledOff() > before);
        }
    }

    @Test
    void aKickLeavesNoScrollRegionBehind() {
        try (TestServer bbs = TestServer.start(data)) {
            Screen alice = callInChat(bbs, "alice", "xterm");
            Cli.run(data, "kick", "alice", "--reason", "testing").succeeded();
            assertTrue(alice.client.awaitClosed(WAIT));
            ScreenModel screen = alice.now();
            assertTrue(screen.wholeScreenScrolls(), screen.toString());
        }
    }

    @Test
    void layoutPlainGivesLinesWithYourOwnLineOnceAndItIsKept() {
        try (TestServer bbs = TestServer.start(data)) {
            Screen alice = callInChat(bbs, "alice", "xterm");
            alice.client.sendLine("/layout plain");
            alice.client.awaitText("*** Layout changed.", WAIT);
            ScreenModel screen = alice.now();
            assertTrue(screen.wholeScreenScrolls(), screen.toString());
            alice.client.sendLine("in plain lines");
            screen = alice.await("the line", s -> s.count("<alice> in plain lines") == 1);
            assertEquals(1, screen.count("in plain lines"), screen.toString());

            alice.client.sendLine("/quit");
            alice.client.awaitText("Main menu: ", WAIT);
            TestServer.enterChat(alice.client);
            alice.client.awaitText("/layout screen to change how it looks.", WAIT);
            assertTrue(alice.now().wholeScreenScrolls(), alice.model.toString());
            eventually().until(() -> bbs.server().users().find("alice").orElseThrow().preferences()
                    .chatLayout() == dev.carrier.user.ChatLayout.PLAIN);
        }
    }

    @Test
    void aTerminalWithoutAnsiGetsTodaysLines() {
        try (TestServer bbs = TestServer.start(data)) {
            TelnetTestClient dumb = bbs.call(TelnetTestClient.Options.telnet().withTerminalType("dumb"));
            dumb.sendLine("new");
            dumb.awaitText("new handle: ", WAIT);
            dumb.sendLine("carol");
            dumb.awaitText("new password: ", WAIT);
            dumb.sendLine("secret-carol");
            dumb.awaitText("repeat password: ", WAIT);
            dumb.sendLine("secret-carol");
            dumb.awaitText("Main menu: ", WAIT);
            TestServer.enterChat(dumb);
            dumb.sendLine("plain and simple");
            String seen = dumb.awaitText("<carol> plain and simple\r\n", WAIT);
            assertTrue(seen.contains("plain and simple\r\n<carol> plain and simple"), seen);
            assertFalse(dumb.transcript().contains("\u001b["), dumb.transcript());
        }
    }

    @Test
    void theStatusBarCountsUnreadMessagesUntilMsgsHasShownThem() {
        try (TestServer bbs = TestServer.start(data)) {
            Screen first = callInChat(bbs, "bob", "xterm");
            first.client.close();
            MessageStore store = new SqliteMessageStore(bbs.server().database());
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 1; i <= 30; i++) {
                store.save(new DirectMessage(UUID.randomUUID(), "alice", "bob", String.format("note-%02d", i),
                        start.plusSeconds(i), DirectMessage.Method.OFFLINE, Optional.empty(), Optional.empty()));
            }

            TelnetTestClient client = bbs.call(TelnetTestClient.Options.telnet().withTerminalType("xterm")
                    .withWindowSize(COLUMNS, ROWS));
            Screen bob = new Screen(client, COLUMNS, ROWS);
            TestServer.login(client, "bob", "secret-bob"); // the first screenful is shown at login
            TestServer.enterChat(client);
            ScreenModel screen = bob.await("the unread count in the bar",
                    s -> s.row(ROWS - 1).matches(".*\\| \\d+ unread \\(/msgs\\) \\|.*"));
            assertTrue(screen.row(ROWS - 1).contains("bob: online | "), screen.toString());

            for (int i = 0; i < 5 && !client.transcript().contains("note-30"); i++) {
                client.sendLine("/msgs");
                client.awaitText("note-", WAIT);
            }
            bob.await("the bar without unread messages once all are shown", s -> s.row(ROWS - 1).contains("#lobby")
                    && !s.row(ROWS - 1).contains("unread"));
        }
    }
}
