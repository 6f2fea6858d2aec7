package dev.carrier.server;

import static dev.carrier.server.MailSteps.openInbox;
import static dev.carrier.server.MailSteps.register;
import static dev.carrier.server.MailSteps.startLetter;
import static dev.carrier.server.TestServer.WAIT;
import static dev.carrier.server.TestServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.store.Database;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real server process: callers are told, a letter being written comes back as a
 * draft after the restart, the process ends cleanly within its bound, and a second SIGTERM during
 * the stop ends it at once.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GracefulStopTest {

    private static final String FAREWELL = "*** The BBS is restarting, call back in a minute.";

    @TempDir
    Path data;

    @Test
    void sigtermTellsCallersKeepsTheLetterBeingWrittenAndExitsCleanly() throws Exception {
        try (ChildServer server = ChildServer.start(data)) {
            TelnetTestClient bob = TelnetTestClient.connect("127.0.0.1", server.telnetPort());
            register(bob, "bob");
            TelnetTestClient alice = TelnetTestClient.connect("127.0.0.1", server.telnetPort());
            register(alice, "alice");
            openInbox(alice);
            startLetter(alice, "bob", "Plans for Friday");
            alice.sendLine("Shall we meet at eight?");
            alice.sendLine("Bring the map.");
            alice.awaitText("  3: ", WAIT);

            server.terminate();

            alice.awaitText(FAREWELL, WAIT);
            bob.awaitText(FAREWELL, WAIT);
            assertEquals(0, server.awaitExit(ServeCommand.STOP_BOUND), server.output());
            assertTrue(server.output().contains("carrier: stopped"), server.output());
            alice.close();
            bob.close();
        }

        try (ChildServer again = ChildServer.start(data)) {
            TelnetTestClient alice = TelnetTestClient.connect("127.0.0.1", again.telnetPort());
            alice.awaitText("login: ", WAIT);
            TestServer.login(alice, "alice", "secret-alice");
            openInbox(alice);
            alice.sendLine("w");
            alice.awaitText("Your unfinished letter to bob is back (2 lines).", WAIT);
            alice.awaitText("  3: ", WAIT);
            alice.sendLine("/l");
            alice.awaitText("Subject: Plans for Friday", WAIT);
            alice.awaitText("  2: Bring the map.", WAIT);
            alice.sendLine("/s");
            alice.awaitText("Letter sent to bob.", WAIT);
            alice.close();
        }
    }

    @Test
    void aSecondSigtermDuringTheStopExitsAtOnce() throws Exception {
        try (ChildServer server = ChildServer.start(data)) {
            TelnetTestClient alice = TelnetTestClient.connect("127.0.0.1", server.telnetPort());
            register(alice, "alice");
            openInbox(alice);
            startLetter(alice, "alice", "a note to self");
            alice.sendLine("keep this");
            alice.awaitText("  2: ", WAIT);

            // Another program holds the database's write lock, so keeping the draft waits for it
            // and the graceful stop cannot finish while the lock is held.
            String url = "jdbc:sqlite:" + data.resolve(Database.FILE_NAME);
            try (Connection lock = DriverManager.getConnection(url); Statement s = lock.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
                server.terminate();
                alice.awaitText(FAREWELL, WAIT);
                eventually().until(() -> server.output().contains("carrier: stopping on SIGTERM"));
                long sent = System.nanoTime();
                server.terminate();
                int code = server.awaitExit(Duration.ofSeconds(3));
                long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
                assertEquals(128 + 15, code, server.output());
                assertTrue(server.output().contains("SIGTERM again: exiting at once"), server.output());
                assertTrue(took < 3000, "exited " + took + " ms after the second SIGTERM");
                s.execute("ROLLBACK");
            }
            alice.close();
        }
    }
}
