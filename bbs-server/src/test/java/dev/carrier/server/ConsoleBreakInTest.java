package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static dev.carrier.server.TestServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.admin.Admin;
import dev.carrier.admin.AdminConnector;
import dev.carrier.admin.AdminException;
import dev.carrier.admin.AdminViews.TailEvent;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code carrier chat HANDLE}: the console breaks in on a caller; their lines come back on the live feed. */
class ConsoleBreakInTest {

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

    private static void await(List<TailEvent> events, String kind, String text) {
        eventually().untilAsserted(() -> assertTrue(events.stream().anyMatch(e -> e.kind().equals(kind)
                && e.text().equals(text)), "no " + kind + " " + text + " in " + events));
    }

    @Test
    void theConsoleAndTheCallerTalkUntilTheCallerEndsIt() throws Exception {
        TelnetTestClient bob = TestServer.enterChat(bbs.register("bob", "secret-bob"));
        List<TailEvent> events = new CopyOnWriteArrayList<>();
        try (Admin admin = AdminConnector.connect(data, "shell:test", 4, false)) {
            Admin.Feed feed = admin.tail(events::add);
            admin.chatOpen("bob");
            bob.awaitText("*** The sysop (sysop) has broken in for a chat. Type /end to go back to where you were.",
                    WAIT);
            await(events, "breakin", "*** Chatting with bob. Type /end to finish.");
            bob.sendLine("hi console");
            await(events, "breakin", "<bob> hi console");
            admin.chatSay("bob", "hello bob");
            bob.awaitText("<sysop> hello bob", WAIT);
            bob.sendLine("/end");
            await(events, "breakin_end", "*** The chat with the sysop has ended.");
            AdminException e = assertThrows(AdminException.class, () -> admin.chatSay("bob", "too late"));
            assertTrue(e.getMessage().contains("the console is not chatting with bob"), e.getMessage());
            bob.sendLine("back in chat");
            bob.awaitText("<bob> back in chat", WAIT);
            feed.stop();
        }
        assertTrue(Cli.run(data, "audit").succeeded().out().contains("chat"));
    }

    @Test
    void carrierChatSendsWhatIsTypedAndEndsAtSlashEnd() {
        TelnetTestClient bob = bbs.register("bob", "secret-bob");
        Cli.Result chat = Cli.runWithInput(data, "are you there\n/end\n", "chat", "bob").succeeded();
        bob.awaitText("<sysop> are you there", WAIT);
        bob.awaitText("*** The chat with the sysop has ended.", WAIT);
        bob.awaitText("Main menu: ", WAIT);
        assertTrue(chat.out().contains("*** The chat with the sysop has ended."), chat.out());
        Cli.Result nobody = Cli.run(data, "chat", "nobody");
        assertEquals(1, nobody.code());
        assertTrue(nobody.err().contains("nobody is not online"), nobody.err());
    }
}
