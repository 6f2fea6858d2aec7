package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static dev.carrier.server.TestServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /metrics on the admin listener: Prometheus's text format, values that follow real traffic, bounded labels. */
class MetricsTest {

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

    private PrometheusText scrape() {
        RawHttp.Answer answer = RawHttp.get("127.0.0.1", bbs.server().adminPort(), "/metrics", "");
        assertEquals(200, answer.status(), answer.body());
        return PrometheusText.parse(answer.body());
    }

    @Test
    void callersLoginsChatAndMessagesMoveTheCounters() {
        bbs.createUser("alice", "secret-alice");
        bbs.createUser("bob", "secret-bob");
        PrometheusText before = scrape();
        assertEquals(0, before.value("carrier_logins_total", Map.of("transport", "telnet", "outcome", "accepted")));

        TelnetTestClient stranger = bbs.call();
        stranger.sendLine("alice");
        stranger.awaitText("password: ", WAIT);
        stranger.sendLine("not-her-password");
        stranger.awaitText("Login incorrect.", WAIT);
        TelnetTestClient bob = bbs.login("bob", "secret-bob");
        TelnetTestClient alice = TestServer.enterChat(bbs.login("alice", "secret-alice"));
        alice.sendLine("hello room");
        alice.awaitText("hello room", WAIT);
        alice.sendLine("/msg bob are you there?");
        bob.awaitText("[DM from alice] are you there?", WAIT);

        eventually().untilAsserted(() -> {
            PrometheusText now = scrape();
            assertEquals(3, now.value("carrier_calls_total", Map.of("transport", "telnet")));
            assertEquals(2, now.value("carrier_callers", Map.of("transport", "telnet", "status", "online")));
            assertEquals(1, now.value("carrier_callers", Map.of("transport", "telnet", "status", "login")));
            assertEquals(2, now.value("carrier_logins_total", Map.of("transport", "telnet", "outcome", "accepted")));
            assertEquals(1, now.value("carrier_logins_total", Map.of("transport", "telnet", "outcome", "rejected")));
            assertEquals(1, now.value("carrier_chat_lines_total", Map.of()));
            assertTrue(now.value("carrier_chat_deliveries_total", Map.of()) >= 1);
            assertEquals(1, now.value("carrier_dms_stored_total", Map.of()));
            assertEquals(1, now.value("carrier_dms_delivered_total", Map.of()));
        });

        bob.close();
        eventually().untilAsserted(() ->
                assertEquals(1, scrape().value("carrier_callers", Map.of("transport", "telnet", "status", "online"))));
    }

    @Test
    void everyFamilyIsNamedTheWayPrometheusExpectsAndNoLabelNamesAUser() {
        bbs.createUser("alice", "secret-alice");
        TestServer.enterChat(bbs.login("alice", "secret-alice")).sendLine("hi");
        PrometheusText text = scrape();

        for (String family : List.of("carrier_calls", "carrier_logins", "carrier_chat_lines", "carrier_chat_deliveries",
                "carrier_chat_missed", "carrier_dms_stored", "carrier_dms_delivered", "carrier_mail_sent")) {
            // The 0.0.4 writer types a counter under its sample's name; OpenMetrics under the family's.
            assertEquals("counter", text.type(family + "_total").or(() -> text.type(family)).orElse("none"), family);
            assertTrue(text.names().contains(family + "_total"), family + "_total");
        }
        for (String gauge : List.of("carrier_callers", "carrier_workers_queued", "carrier_workers_busy",
                "carrier_output_pending_bytes", "carrier_db_connections", "carrier_db_connections_waiting",
                "netty_eventexecutor_tasks_pending", "jvm_memory_used_bytes", "netty_allocator_memory_used")) {
            assertTrue(text.names().contains(gauge), gauge + " in " + text.names());
        }
        assertEquals(Set.of("worker", "password"), text.labelValues("pool").get("carrier_workers_queued"));
        assertEquals(Set.of("telnet", "web"), text.labelValues("transport").get("carrier_output_pending_bytes"));
        for (PrometheusText.Sample sample : text.samples()) {
            assertTrue(sample.name().startsWith("carrier_") || sample.name().startsWith("jvm_")
                    || sample.name().startsWith("netty_") || sample.name().startsWith("process_")
                    || sample.name().startsWith("system_"), sample.name());
            assertTrue(!sample.labels().containsKey("handle") && !sample.labels().containsValue("alice"), sample.toString());
        }
    }

    @Test
    void aPeerOutsideTheAllowListNeedsTheAdminToken() throws Exception {
        int port = bbs.server().adminPort();
        RawHttp.Answer refused = RawHttp.get("127.0.0.2", port, "/metrics", "");
        assertEquals(403, refused.status());
        assertTrue(refused.body().contains("--metrics-allow"), refused.body());

        String token = new ObjectMapper().readTree(Files.readAllBytes(data.resolve("admin.json"))).get("token").asText();
        RawHttp.Answer withToken = RawHttp.get("127.0.0.2", port, "/metrics", "Authorization: Bearer " + token + "\r\n");
        assertEquals(200, withToken.status());
        PrometheusText.parse(withToken.body());
        assertEquals(405, RawHttp.post("127.0.0.1", port, "/metrics", "{}").status());
    }
}
