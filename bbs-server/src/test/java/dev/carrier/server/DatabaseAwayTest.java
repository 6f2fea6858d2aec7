package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carrier.store.PostgresUrl;
import dev.carrier.store.TestDatabases;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL goes away under a running server and comes back: callers are told what does not work
 * just now, nothing stored before is lost, and everything works again without a restart.
 */
class DatabaseAwayTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private static final Pattern BACK_OR_NOT = Pattern.compile("Main menu: |Logins are unavailable");

    private StoppableLink link;

    @BeforeEach
    void link() {
        TestDatabases.server();
        link = new StoppableLink("127.0.0.1", PostgresUrl.DEFAULT_PORT);
    }

    @AfterEach
    void unlink() {
        link.close();
    }

    /** The test's schema, reached through the link. */
    private PostgresUrl throughLink(Path data) {
        PostgresUrl direct = databases.postgres(data);
        return new PostgresUrl(direct.jdbcUrl().replace(":" + PostgresUrl.DEFAULT_PORT + "/", ":" + link.port() + "/"),
                direct.shown() + " (through a link)");
    }

    @Test
    void callersAreToldWhatDoesNotWorkAndAllWorksAgainOnceItIsBack() {
        Path data = tmp.resolve("bbs");
        try (TestServer bbs = TestServer.start(ServerConfig.forTests(data).toBuilder()
                .database(Optional.of(throughLink(data))).build())) {
            bbs.register("bob", "secret-bob").close();
            TelnetTestClient alice = bbs.inChat("alice");
            alice.sendLine("/msg bob sent before the outage");
            alice.awaitText("will see your message at their next login", WAIT);

            link.stop();
            alice.sendLine("/msg bob sent during the outage");
            alice.awaitText("*** Messages are unavailable just now; try again shortly.", WAIT);
            TelnetTestClient carol = bbs.call();
            carol.sendLine("bob");
            carol.awaitText("password: ", WAIT);
            carol.sendLine("secret-bob");
            carol.awaitText("Logins are unavailable just now; call back shortly.", WAIT);
            // An app logging in over REST is told the same, in its own terms: 503, try again shortly.
            JsonClient.Answer app = JsonClient.post(bbs.webOrigin(), "/api/login", null,
                    JsonClient.body("handle", "bob", "password", "secret-bob"));
            assertEquals(503, app.status(), app.toString());
            assertEquals("unavailable", app.body().path("error").path("code").asText(), app.toString());
            alice.sendLine("/quit");
            alice.awaitText("Main menu: ", WAIT);
            alice.send("M");
            alice.awaitText("*** Mail is unavailable just now; try again shortly.", WAIT);

            link.resume();
            // The pool connects again by itself, within a few seconds: the caller tries again.
            carol.awaitText("login: ", WAIT);
            for (int tries = 1; ; tries++) {
                carol.sendLine("bob");
                carol.awaitText("password: ", WAIT);
                carol.sendLine("secret-bob");
                if (carol.awaitPattern(BACK_OR_NOT, WAIT).group().startsWith("Main menu")) break;
                if (tries == 10) throw new AssertionError("logins still unavailable after " + tries + " tries");
                carol.awaitText("login: ", WAIT);
            }
            carol.awaitText("[DM from alice", WAIT);
            carol.awaitText("sent before the outage", WAIT);
            alice.awaitText("0 letters, 0 new", WAIT); // the inbox tried again, and now opened
            alice.sendLine("Q");
            alice.awaitText("Main menu: ", WAIT);
            TestServer.enterChat(alice);
            alice.sendLine("/msg bob back again");
            alice.awaitText("[DM to bob] back again", WAIT);
            carol.awaitText("[DM from alice] back again", WAIT);
        }
    }
}
