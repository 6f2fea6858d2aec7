package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carrier.presence.Status;
import dev.carrier.runtime.ManualTime;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON connections are connections: the sysop's who lists them with their client's beacon, kick
 * reaches them, status and /health count them, --max-nodes bounds them with terminals, and a
 * client whose beacons stop is shown stale and dropped. Time is moved by hand.
 */
class AppConnectionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private final ManualTime time = new ManualTime();

    private TestServer start(int maxNodes) {
        return TestServer.start(ServerConfig.forTests(data).withTime(time)
                .withEngine(ServerConfig.forTests(data).engine().withMaxNodes(maxNodes)));
    }

    private static JsonClient connectAs(TestServer bbs, String handle, String instance) {
        JsonClient client = bbs.json(handle);
        return JsonClient.withToken(bbs.webOrigin(), client.token()).connect(Optional.of(instance));
    }

    @Test
    void whoListsJsonConnectionsWithTheirBeaconAndKickStatusAndHealthReachThem() throws Exception {
        try (TestServer bbs = start(256)) {
            bbs.register("bob", "secret-bob");
            JsonClient alice = connectAs(bbs, "alice", "phone-1");
            alice.send("keepalive", JsonClient.body("client", "Carrier Mobile", "version", "2.1",
                    "device_family", "ios"));
            TestServer.eventually().until(() -> Cli.run(data, "who").succeeded().out().contains("Carrier Mobile"));

            List<String> lines = Cli.run(data, "who").succeeded().out().lines().toList();
            String row = lines.stream().filter(line -> line.contains("alice")).findFirst().orElseThrow();
            assertTrue(row.matches("\\s*\\S+\\s+-\\s+alice\\s+json\\s+127\\.0\\.0\\.1\\S*\\s+Carrier Mobile 2\\.1 \\(ios\\)\\s+"
                    + "[-0-9: ]+\\s+\\d+\\s+online\\s+Using an app \\(instance phone-1\\)"), row);
            JsonNode who = JSON.readTree(Cli.run(data, "who", "--json").succeeded().out());
            JsonNode app = who.get("apps").get(0);
            assertEquals("phone-1", app.get("instance").asText());
            assertEquals("2026-01-01T12:00:00.000Z", app.get("lastBeaconAt").asText());

            JsonNode status = JSON.readTree(Cli.run(data, "status", "--json").succeeded().out());
            assertEquals(1, status.get("nodesInUse").asInt());
            assertEquals(1, status.get("appConnections").asInt());
            assertTrue(Cli.run(data, "status").out().contains("nodes:               2 of 256 in use (1 by JSON clients)"));
            JsonNode health = JsonClient.withToken(bbs.webOrigin(), null).get("/health").body();
            assertEquals(2, health.get("nodes").asInt());

            String kicked = Cli.run(data, "kick", "alice", "--reason", "enough").succeeded().out();
            assertTrue(kicked.contains("kicked alice (1 app connection)"), kicked);
            assertEquals(1000, alice.awaitClosed());
            assertEquals("You have been disconnected by the sysop: enough", alice.closeReason());
            TestServer.eventually().until(() -> bbs.server().nodes().apps() == 0);
            assertTrue(Cli.run(data, "audit").out().contains("alice (1 app connection): enough"));
        }
    }

    @Test
    void maxNodesBoundsTerminalsAndJsonClientsTogether() {
        try (TestServer bbs = start(2)) {
            bbs.register("bob", "secret-bob");
            JsonClient alice = connectAs(bbs, "alice", "phone");
            alice.await("presence", d -> d.path("username").asText().equals("alice"));

            TelnetTestClient third = bbs.connect(false);
            third.awaitText("All 2 nodes of", WAIT);
            JsonClient carol = bbs.json("carol").connect();
            assertEquals(1000, carol.awaitClosed());
            assertEquals("all nodes are busy; try again later", carol.closeReason());

            // The same app calling again takes over its old connection's seat.
            JsonClient replacing = JsonClient.withToken(bbs.webOrigin(), alice.token()).connect(Optional.of("phone"));
            assertEquals(1000, alice.awaitClosed());
            assertEquals("replaced by a new connection of the same client", alice.closeReason());
            replacing.await("presence", d -> d.path("username").asText().equals("alice"));
            TestServer.eventually().until(() -> bbs.server().nodes().apps() == 1);

            replacing.close();
            TestServer.eventually().until(() -> bbs.server().nodes().apps() == 0);
            bbs.login("carol", "secret-carol");
        }
    }

    @Test
    void reportedInputKeepsAPersonFromIdlingAndSilentBeaconsAreShownStaleThenDropped() throws Exception {
        try (TestServer bbs = start(256)) {
            JsonClient alice = bbs.json("alice").connect();
            for (int i = 0; i < 4; i++) {
                alice.send("keepalive", JsonClient.body("client", "Bot"));
                JsonNode beacon = JSON.createObjectNode().put("last_input_seconds", 30);
                alice.send("keepalive", beacon);
                awaitBeaconAt(time.instant()); // the server has it before time moves on
                bbs.passTime(time, Duration.ofMinutes(4));
            }
            TestServer.eventually().until(() -> bbs.server().presence().find("alice").isPresent());
            assertEquals(Status.ONLINE, bbs.server().presence().status("alice"), "16 minutes, but input reported");

            // No beacon for the TTL and a little: stale to the sysop until the next sweep drops it.
            alice.send("keepalive", JSON.createObjectNode().put("last_input_seconds", 0));
            awaitBeaconAt(Instant.parse("2026-01-01T12:16:00Z"));
            time.advance(Duration.ofMinutes(5).plusSeconds(5));
            assertTrue(Cli.run(data, "who").succeeded().out().contains("stale"));
            bbs.passTime(time, Duration.ofSeconds(15));
            assertEquals(1000, alice.awaitClosed());
            assertEquals("no keepalive within the presence TTL; reconnect", alice.closeReason());
            TestServer.eventually().until(() -> bbs.server().presence().status("alice") == Status.OFFLINE);
        }
    }

    @Test
    void aClientThatNeverSendsABeaconIsNeverDroppedForIt() {
        try (TestServer bbs = start(256)) {
            JsonClient alice = bbs.json("alice").connect();
            alice.await("presence", d -> d.path("username").asText().equals("alice"));
            bbs.passTime(time, Duration.ofMinutes(16));
            TestServer.eventually().until(() -> bbs.server().presence().status("alice") == Status.AWAY);
            assertEquals(1, bbs.server().nodes().apps());
        }
    }

    /** Waits until the sysop's who shows alice's JSON connection with its last beacon at {@code at}. */
    private void awaitBeaconAt(Instant at) {
        TestServer.eventually().until(() -> {
            String last = JSON.readTree(Cli.run(data, "who", "--json").succeeded().out())
                    .path("apps").path(0).path("lastBeaconAt").asText();
            return !last.isEmpty() && Instant.parse(last).equals(at);
        });
    }
}
