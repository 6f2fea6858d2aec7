package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.presence.Status;
import dev.carrier.runtime.ManualTime;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Away (with its text) and dnd chosen by hand last across logins and restarts, until /back. */
class ChosenStatusTest {

    @TempDir
    Path data;

    private final ManualTime time = new ManualTime();
    private TestServer bbs;

    @BeforeEach
    void start() {
        bbs = TestServer.start(ServerConfig.forTests(data).withTime(time));
    }

    @AfterEach
    void stop() {
        bbs.close();
    }

    private static boolean is(JsonNode data, String handle, String status) {
        return data.path("username").asText().equals(handle) && data.path("status").asText().equals(status);
    }

    private void awaitOffline(String handle) {
        TestServer.eventually().until(() -> bbs.server().presence().status(handle) == Status.OFFLINE);
    }

    @Test
    void awayWithItsTextLastsAcrossLoginsAndARestartUntilBack() {
        TelnetTestClient alice = bbs.inChat("alice");
        alice.sendLine("/away lunch");
        alice.awaitText("*** You are now away: lunch", WAIT);
        alice.close();
        awaitOffline("alice");

        JsonClient bob = bbs.json("bob").connect();
        TelnetTestClient again = bbs.login("alice", "secret-alice");
        bob.await("presence", d -> is(d, "alice", "away"));
        again.send("w");
        again.awaitText("Away - 1", WAIT);
        again.awaitText("(lunch)", WAIT);
        again.sendLine("");
        again.awaitText("Main menu: ", WAIT);

        // Typing and idling change nothing about a chosen status.
        bbs.passTime(time, Duration.ofMinutes(20));
        again.send("w");
        again.awaitText("Handle for details", WAIT);
        assertEquals(Status.AWAY, bbs.server().presence().status("alice"));
        again.close();
        awaitOffline("alice");
        bob.close();

        bbs.close();
        bbs = TestServer.start(ServerConfig.forTests(data).withTime(time));
        JsonClient watcher = bbs.json("bob").connect();
        TelnetTestClient afterRestart = TestServer.enterChat(bbs.login("alice", "secret-alice"));
        watcher.await("presence", d -> is(d, "alice", "away"));
        assertEquals("lunch", bbs.server().presence().find("alice").orElseThrow().text().orElseThrow());

        afterRestart.sendLine("/back");
        afterRestart.awaitText("*** You are now back", WAIT);
        watcher.await("presence", d -> is(d, "alice", "online"));
        afterRestart.close();
        awaitOffline("alice");
        TestServer.eventually().until(() -> bbs.server().database().withConnection(c -> {
            try (var s = c.prepareStatement("SELECT chosen_status FROM users WHERE handle = 'alice'");
                 var rs = s.executeQuery()) {
                return rs.next() && rs.getString(1) == null;
            }
        }));
        bbs.login("alice", "secret-alice");
        watcher.await("presence", d -> is(d, "alice", "online"));
    }

    @Test
    void dndSetByAJsonClientLastsAcrossItsReconnect() {
        JsonClient alice = bbs.json("alice").connect();
        alice.send("set_status", JsonClient.body("status", "dnd"));
        alice.await("presence", d -> is(d, "alice", "dnd"));
        alice.close();
        awaitOffline("alice");

        TelnetTestClient bob = TestServer.enterChat(bbs.register("bob", "secret-bob"));
        JsonClient back = bbs.json("alice").connect();
        back.await("presence", d -> is(d, "alice", "dnd"));
        bob.sendLine("/page alice");
        bob.awaitText("*** alice does not want to be disturbed", WAIT);
    }
}
