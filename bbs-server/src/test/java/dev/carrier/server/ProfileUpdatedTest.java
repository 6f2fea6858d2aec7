package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.runtime.ManualTime;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile change others can see is announced to JSON clients once, and only when a field changed. */
class ProfileUpdatedTest {

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

    private static void edit(TelnetTestClient client, String key, String value, String outcome) {
        client.send(key);
        client.awaitText("Enter keeps it: ", WAIT);
        client.sendLine(value);
        client.awaitText(outcome, WAIT);
        client.awaitText("Profile: ", WAIT);
    }

    @Test
    void aChangedDisplayNameOrLocationIsAnnouncedAndAnUnchangedOneIsNot() {
        JsonClient bob = bbs.json("bob").connect();
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        alice.send("p");
        alice.awaitText("Profile: ", WAIT);
        time.advance(Duration.ofMinutes(1));

        edit(alice, "d", "Alice Liddell", "Display name saved.");
        JsonNode first = bob.await("profile_updated");
        assertEquals("alice", first.path("username").asText());
        assertEquals("Alice Liddell", first.path("display_name").asText());
        assertEquals("", first.path("tagline").asText());
        assertEquals("", first.path("location").asText());
        assertEquals("2026-01-01T12:01:00Z", first.path("profile_updated_at").asText());

        edit(alice, "d", "Alice Liddell", "Display name saved."); // the same name again: nothing changed
        edit(alice, "a", "on", "ANSI colour saved."); // not a field others see
        edit(alice, "l", "Oxford", "Location saved.");
        JsonNode second = bob.await("profile_updated");
        assertEquals("Oxford", second.path("location").asText());
        assertEquals(2, bob.all("profile_updated").size(), bob.all("profile_updated").toString());

        JsonNode everyone = bob.get("/api/presence").body();
        List<String> names = everyone.findValuesAsText("display_name");
        assertEquals(true, names.contains("Alice Liddell"), names.toString());
        bbs.server().database().withConnection(c -> {
            try (var s = c.prepareStatement("SELECT profile_updated_at FROM users WHERE handle = 'alice'");
                 var rs = s.executeQuery()) {
                rs.next();
                assertEquals("2026-01-01T12:01:00.000Z", rs.getString(1));
                return null;
            }
        });
    }
}
