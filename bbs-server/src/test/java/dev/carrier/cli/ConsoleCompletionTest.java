package dev.carrier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.server.CarrierServer;
import dev.carrier.server.ServerConfig;
import dev.carrier.store.Database;
import dev.carrier.store.PostgresUrl;
import dev.carrier.store.TestDatabases;
import dev.carrier.user.SqliteUserStore;
import dev.carrier.user.UserStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * TAB in carrier console completes commands, options and handles. Typed at JLine's dumb
 * terminal on in-memory streams (no pty, no real terminal), told it is an ANSI one so that the
 * line reader edits as it does for a sysop.
 */
class ConsoleCompletionTest {

    @TempDir
    Path data;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    /** The console's --database: null for the data folder's SQLite file. */
    private String database;

    private void addUsers(String... handles) {
        try (Database db = database == null ? Database.open(data) : Database.open(PostgresUrl.parse(database))) {
            UserStore users = new SqliteUserStore(db);
            for (String handle : handles) users.create(handle, "not-a-real-hash");
        }
    }

    /** What the console's reader returns after the keys were typed, TAB as '\t'. */
    private String typed(String keys) throws IOException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = new DumbTerminal("test", "ansi",
                new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            return new Console(terminal, data, database, null).reader().readLine(Console.PROMPT);
        }
    }

    @Test
    void tabCompletesCommandsAndSubcommands() throws IOException {
        addUsers("alice");
        assertEquals("user ", typed("us\t\n"));
        assertEquals("user ban ", typed("user b\t\n"));
        assertEquals("broadcast ", typed("bro\t\n"));
    }

    @Test
    void tabCompletesOptions() throws IOException {
        addUsers("alice");
        assertEquals("user ban alice --reason ", typed("user ban alice --rea\t\n"));
    }

    @Test
    void tabCompletesHandlesFromTheDatabaseWhenTheServerIsStopped() throws IOException {
        addUsers("alice", "bob", "carol");
        assertEquals("user ban alice ", typed("user ban al\t\n"));
        assertEquals("user show carol ", typed("user show c\t\n"));
        assertEquals("user sysop bob ", typed("user sysop b\t\n"));
    }

    @Test
    void onPostgresqlHandlesCompleteAndCommandsRunThere() throws IOException {
        database = databases.postgres(data).jdbcUrl();
        addUsers("alice", "bob");
        assertEquals("user show alice ", typed("user show al\t\n"));
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = new DumbTerminal("test", "ansi",
                new ByteArrayInputStream("user sysop bob\nexit\n".getBytes(StandardCharsets.UTF_8)), screen,
                StandardCharsets.UTF_8)) {
            assertEquals(0, new Console(terminal, data, database, null).run());
        }
        assertTrue(screen.toString(StandardCharsets.UTF_8).contains("bob is now a sysop"), screen.toString());
        try (Database db = Database.open(PostgresUrl.parse(database))) {
            assertTrue(new SqliteUserStore(db).find("bob").orElseThrow().sysop());
        }
    }

    @Test
    void tabCompletesHandlesThroughTheRunningServer() throws IOException {
        addUsers("alice", "albert", "bob");
        try (CarrierServer server = CarrierServer.start(ServerConfig.forTests(data))) {
            assertEquals("user delete bob ", typed("user delete b\t\n"));
            assertEquals("user passwd albert ", typed("user passwd albe\t\n"));
        }
    }

    @Test
    void aConsoleRunsCommandsUntilExit() throws IOException {
        addUsers("alice", "bob");
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        int code;
        try (Terminal terminal = new DumbTerminal("test", "ansi",
                new ByteArrayInputStream("user list\nuser ban nobody\nuser sysop bob\nexit\nwho\n"
                        .getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            code = new Console(terminal, data, database, null).run();
        }
        String shown = screen.toString(StandardCharsets.UTF_8);
        assertEquals(0, code);
        assertTrue(shown.contains("the server is not running"), shown);
        assertTrue(shown.matches("(?s).*\\nalice\\s+-.*"), shown);
        assertTrue(shown.contains("no user named nobody"), shown);
        assertTrue(!shown.contains("carrier: no user named nobody"), "no program name inside the console: " + shown);
        assertTrue(shown.contains("bob is now a sysop"), shown);
        assertTrue(!shown.contains("carrier is not running: who"), "nothing runs after exit: " + shown);
    }
}
