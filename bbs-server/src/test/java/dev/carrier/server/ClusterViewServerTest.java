package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static dev.carrier.server.TestServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carrier.cluster.ClusterConfig;
import dev.carrier.store.PostgresUrl;
import dev.carrier.telnet.TelnetTestClient;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two servers on one NATS and one PostgreSQL: each sysop sees both, and callers hear when the link is down. */
class ClusterViewServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNLINKED = "*** The other servers cannot hear you just now; callers on this server can.";

    @RegisterExtension
    final ClusterGround ground = new ClusterGround();

    private TestServer one;
    private TestServer two;

    @AfterEach
    void stop() {
        if (two != null) two.close();
        if (one != null) one.close();
    }

    private TestServer server(String name, PostgresUrl database) {
        return TestServer.start(ServerConfig.forTests(ground.root().resolve(name)).toBuilder()
                .database(Optional.of(database))
                .cluster(new ClusterConfig(Optional.of(ground.nats.url()), name))
                .presenceTtl(Duration.ofSeconds(3))
                .build());
    }

    @Test
    void eachSysopSeesEveryServerAndItsCallers() throws Exception {
        PostgresUrl database = ground.databases.postgres(ground.root().resolve("shared"));
        one = server("one", database);
        two = server("two", database);
        two.inChat("bob");

        eventually().atMost(WAIT).until(() -> Cli.run(ground.root().resolve("one"), "who").succeeded().out()
                .lines().anyMatch(line -> line.matches("\\s*two\\s+1\\s+bob\\s+telnet.*")));
        JsonNode status = JSON.readTree(Cli.run(ground.root().resolve("one"), "status", "--json").succeeded().out());
        JsonNode servers = status.get("servers");
        assertEquals("one", servers.get(0).get("name").asText(), status.toString());
        assertEquals("two", servers.get(1).get("name").asText(), status.toString());
        assertTrue(servers.get(0).get("linked").asBoolean());
        assertTrue(Cli.run(ground.root().resolve("one"), "status").succeeded().out().contains("  two: 1 callers"));

        JsonNode health = JSON.readTree(RawHttp.get("127.0.0.1", one.server().webPort(), "/health", "").body());
        assertEquals("one", health.get("server").asText(), health.toString());
        assertTrue(health.get("cluster").get("linked").asBoolean(), health.toString());
        assertEquals(2, health.get("cluster").get("servers").size(), health.toString());

        two.close();
        two = null;
        eventually().atMost(WAIT).until(() -> one.server().cluster().orElseThrow().servers().isEmpty());
        assertTrue(Cli.run(ground.root().resolve("one"), "who").succeeded().out().lines().noneMatch(l -> l.contains("bob")),
                "no ghost after a clean stop");
    }

    @Test
    void whileNatsIsDownASpeakerIsToldOnceThatOnlyThisServerHears() {
        one = server("one", ground.databases.postgres(ground.root().resolve("shared")));
        TelnetTestClient alice = one.inChat("alice");
        TelnetTestClient carol = one.inChat("carol");
        alice.sendLine("linked");
        carol.awaitText("<alice> linked", WAIT);
        assertTrue(!alice.transcript().contains(UNLINKED));

        ground.nats.kill();
        eventually().atMost(WAIT).until(() -> !one.server().bus().linked());
        alice.sendLine("anyone there");
        carol.awaitText("<alice> anyone there", WAIT);
        alice.awaitText(UNLINKED, WAIT);
        alice.sendLine("still here");
        carol.awaitText("<alice> still here", WAIT);
        alice.awaitText("<alice> still here", WAIT);
        assertEquals(1, alice.transcript().split(java.util.regex.Pattern.quote(UNLINKED), -1).length - 1,
                "at most once a minute");
    }
}
