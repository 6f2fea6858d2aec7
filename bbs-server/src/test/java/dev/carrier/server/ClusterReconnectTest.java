package dev.carrier.server;

import static dev.carrier.server.ServerCluster.WAIT;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.telnet.TelnetTestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * NATS stops and comes back mid-chat: the servers reconnect by themselves, lines said after that
 * reach both servers, and nothing stored (history, direct messages) is lost on the way.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ClusterReconnectTest {

    private static final String UNHEARD = "*** The other servers cannot hear you just now; callers on this server can.";

    @RegisterExtension
    final ClusterGround ground = new ClusterGround();

    /** {@code from} keeps saying a line until {@code to}, on the other server, hears one. */
    private static void untilHeard(TelnetTestClient from, String handle, TelnetTestClient to) {
        AtomicInteger tries = new AtomicInteger();
        TestServer.eventually().atMost(WAIT.multipliedBy(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
            String line = "after " + tries.incrementAndGet();
            from.sendLine(line);
            from.awaitText("<" + handle + "> " + line, WAIT);
            return to.transcript().contains("<" + handle + "> after ");
        });
    }

    @Test
    void linesAfterNatsComesBackReachBothServersAndNothingStoredIsLost() throws Exception {
        try (ServerCluster cluster = ground.start(2, "--flood-burst", "0")) {
            TelnetTestClient alice = TestServer.inRoom(cluster.inChat(0, "alice"), "den");
            TelnetTestClient bob = TestServer.inRoom(cluster.inChat(1, "bob"), "den");
            alice.awaitText("*** bob has joined #den", WAIT);
            alice.sendLine("before the outage");
            bob.awaitText("<alice> before the outage", WAIT);
            alice.sendLine("/msg bob kept before");
            bob.awaitText("[DM from alice] kept before", WAIT);

            ground.nats.stop();

            // Until the server sees the link is down a line may still be tried; it says so once it knows.
            AtomicInteger during = new AtomicInteger();
            TestServer.eventually().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                String line = "during " + during.incrementAndGet();
                alice.sendLine(line);
                alice.awaitText("<alice> " + line, WAIT); // callers on the same server still hear it
                return alice.transcript().contains(UNHEARD);
            });
            alice.sendLine("/msg bob sent while the bus was down");
            alice.awaitText("[DM to bob] sent while the bus was down", WAIT);

            ground.nats.restart();

            // Each server reconnects on its own schedule: a line per try from each side shows when it is back.
            untilHeard(alice, "alice", bob);
            untilHeard(bob, "bob", alice);
            alice.sendLine("once more from one");
            bob.sendLine("and back from two");
            // Said on two servers at once: either may come first, but both reach both.
            for (TelnetTestClient caller : List.of(alice, bob)) {
                TestServer.awaitAll(caller, List.of("<alice> once more from one", "<bob> and back from two"), WAIT);
            }

            // The DM sent meanwhile was stored: bob has it, live or at his next login.
            if (!bob.transcript().contains("sent while the bus was down")) {
                TelnetTestClient bobAgain = cluster.login(1, "bob");
                bobAgain.awaitText("] sent while the bus was down", WAIT);
            }

            // The room's history kept the lines before and after, once each.
            JsonClient reader = cluster.json(1, "bob");
            TestServer.eventually().atMost(WAIT).untilAsserted(() -> {
                List<String> texts = new ArrayList<>();
                for (JsonNode line : reader.get("/api/rooms/den/history?limit=200").body()) {
                    texts.add(line.path("text").asText());
                }
                assertTrue(texts.stream().filter("before the outage"::equals).count() == 1, texts.toString());
                assertTrue(texts.stream().filter("once more from one"::equals).count() == 1, texts.toString());
                assertTrue(texts.stream().filter("and back from two"::equals).count() == 1, texts.toString());
            });
        }
    }
}
