package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static dev.carrier.server.TestServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.store.Database;
import dev.carrier.store.TestDatabases;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A whole server, and the sysop commands, keeping their data in PostgreSQL instead of the SQLite file. */
class PostgresServerTest {

    @TempDir
    Path tmp;

    /** The server's data folder, made by the server: on PostgreSQL it still holds keys and the admin file. */
    private Path data;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @BeforeEach
    void folder() {
        data = tmp.resolve("bbs");
    }

    private TestServer start() {
        return TestServer.start(ServerConfig.forTests(data).toBuilder()
                .database(Optional.of(databases.postgres(data))).build());
    }

    @Test
    void callsChatDmsAndLettersOutliveARestart() {
        try (TestServer bbs = start()) {
            bbs.register("bob", "secret-bob").close();
            bbs.register("carol", "secret-carol").close();
            TelnetTestClient alice = TestServer.inRoom(bbs.inChat("alice"), "games");
            alice.sendLine("/topic dice night");
            alice.awaitText("*** alice set the topic: dice night", WAIT);
            alice.sendLine("hello over postgres");
            alice.awaitText("<alice> hello over postgres", WAIT);
            alice.sendLine("/msg bob see you later");
            alice.awaitText("will see your message at their next login", WAIT);
            alice.sendLine("/quit");
            alice.awaitText("Main menu: ", WAIT);
            MailSteps.mail(alice, "carol", "lunch", "shall we?", "at noon");
            // History is written behind the room; wait until it is kept before stopping.
            JsonClient reader = bbs.json("reader");
            eventually().until(() -> reader.get("/api/rooms/games/history?limit=10").body().size() == 2);
        }
        assertFalse(Files.exists(data.resolve(Database.FILE_NAME)), "nothing went to the SQLite file");
        assertTrue(Files.isDirectory(data));

        try (TestServer bbs = start()) {
            TelnetTestClient bob = bbs.login("bob", "secret-bob");
            bob.awaitText("You have 1 message waiting", WAIT);
            bob.awaitText("] see you later", WAIT);

            TelnetTestClient carol = bbs.login("carol", "secret-carol");
            String inbox = MailSteps.openInbox(carol);
            assertTrue(inbox.contains("1 letter, 1 new"), inbox);
            carol.sendLine("1");
            String letter = carol.awaitText("end of letter 1", WAIT);
            assertTrue(letter.contains("lunch") && letter.contains("shall we?") && letter.contains("at noon"), letter);

            TelnetTestClient dave = TestServer.inRoom(bbs.inChat("dave"), "games");
            dave.awaitText("<alice> hello over postgres", WAIT);
            assertTrue(dave.transcript().contains("*** You are in #games: dice night"), dave.transcript());

            TelnetTestClient alice = bbs.login("alice", "secret-alice");
            alice.send("w");
            alice.awaitText("Handle for details", WAIT);
        }
    }

    @Test
    void theSysopCommandsWorkOnTheDatabaseWhileNoServerRuns() throws Exception {
        String url = databases.postgres(data).jdbcUrl();
        Cli.addUser(data, "sysop", "secret1", "--sysop", "--database", url).succeeded();
        Cli.addUser(data, "bob", "secret2", "--database", url).succeeded();
        assertEquals("banned bob (the server is not running)\n",
                Cli.run(data, "user", "ban", "bob", "--database", url).succeeded().out());
        String list = Cli.run(data, "user", "list", "--database", url).succeeded().out();
        assertTrue(list.endsWith("2 users\n"), list);
        assertFalse(Files.exists(data.resolve(Database.FILE_NAME)), "nothing went to the SQLite file");

        // As the server's settings file says it, the commands need no flag.
        Files.createDirectories(data);
        Files.writeString(data.resolve("carrier.properties"), "database=" + url + "\n");
        String audit = Cli.run(data, "audit").succeeded().out();
        assertTrue(audit.matches("(?s).*shell:\\S+\\s+user\\.ban\\s+bob\\n"), audit);

        try (TestServer bbs = start()) {
            bbs.login("sysop", "secret1");
            TelnetTestClient bob = bbs.call();
            bob.sendLine("bob");
            bob.awaitText("password: ", WAIT);
            bob.sendLine("secret2");
            bob.awaitText("This account is banned.", WAIT);
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsNamedInTheRefusal() {
        Cli.Result result = Cli.run(data, "user", "list", "--database", "postgresql://127.0.0.1:1/none?user=nobody");
        assertEquals(1, result.code(), result.toString());
        assertTrue(result.err().contains("cannot use PostgreSQL at postgresql://127.0.0.1:1/none as nobody"),
                result.err());
    }
}
