package dev.carrier.server;

import static dev.carrier.server.ServerCluster.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One person is one presence across the servers, and a server that dies takes its callers offline everywhere. */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ClusterPresenceTest {

    /** Short, so a dead server's callers go within the test's patience. */
    private static final Duration TTL = Duration.ofSeconds(3);

    @RegisterExtension
    final ClusterGround ground = new ClusterGround();

    @Test
    void onePersonOnTwoServersJoinsOnceAndLeavesOnceEverywhere() throws Exception {
        try (ServerCluster cluster = ground.start(2)) {
            TelnetTestClient bob = cluster.inChat(0, "bob");
            TelnetTestClient carol = cluster.inChat(1, "carol");
            bob.awaitText("*** carol has joined chat", WAIT);

            TelnetTestClient aliceOne = cluster.inChat(0, "alice");
            bob.awaitText("*** alice has joined chat", WAIT);
            carol.awaitText("*** alice has joined chat", WAIT);
            TelnetTestClient aliceTwo = TestServer.enterChat(cluster.login(1, "alice"));
            // Her seat on the second server went out before this line, on one ordered stream: once bob
            // has the line, his server knows she is in the lobby there too, and the first may go.
            aliceTwo.sendLine("here twice");
            bob.awaitText("<alice> here twice", WAIT);

            aliceOne.sendLine("/quit");
            aliceOne.awaitText("Main menu: ", WAIT);
            bob.sendLine("marker one");
            carol.awaitText("<bob> marker one", WAIT);
            aliceTwo.awaitText("<bob> marker one", WAIT);
            aliceOne.close();

            aliceTwo.close();
            for (TelnetTestClient watcher : new TelnetTestClient[] {bob, carol}) {
                watcher.awaitText("*** alice has left chat", WAIT);
                String seen = watcher.transcript();
                assertEquals(1, TestServer.count(seen, "*** alice has joined chat"), seen);
                assertEquals(1, TestServer.count(seen, "*** alice has left chat"), seen);
                assertTrue(seen.indexOf("*** alice has left chat") > seen.indexOf("<bob> marker one"), seen);
            }
            for (int i = 0; i < 2; i++) {
                int server = i;
                TestServer.eventually().atMost(WAIT).until(() -> !listsHandle(cluster.cli(server, "who"), "alice"));
            }
        }
    }

    @Test
    void theCallersOfAKilledServerGoOfflineEverywhereWithinTheTtlAndTheOthersKeepServing() throws Exception {
        try (ServerCluster cluster = ground.start(3,
                "--presence-ttl", TTL.toSeconds() + "s")) {
            TelnetTestClient bob = cluster.inChat(0, "bob");
            TelnetTestClient carol = cluster.inChat(1, "carol");
            cluster.inChat(2, "alice");
            cluster.register(2, "zed"); // at the menu: not in chat, but online
            bob.awaitText("*** alice has joined chat", WAIT);
            carol.awaitText("*** alice has joined chat", WAIT);
            TestServer.eventually().atMost(WAIT).until(() -> listsHandle(cluster.cli(0, "who"), "zed"));

            cluster.kill9(2);

            // The TTL, then one sweep and the time a loaded machine takes to show it.
            Duration bound = TTL.plus(WAIT);
            bob.awaitText("*** alice has left chat", bound);
            carol.awaitText("*** alice has left chat", bound);
            for (int i = 0; i < 2; i++) {
                int server = i;
                TestServer.eventually().atMost(bound).untilAsserted(() -> {
                    Cli.Result who = cluster.cli(server, "who").succeeded();
                    assertFalse(listsHandle(who, "alice") || listsHandle(who, "zed"), who.out());
                    assertFalse(who.out().contains(ServerCluster.name(2)), who.out());
                });
            }

            bob.sendLine("still here");
            carol.awaitText("<bob> still here", WAIT);
            TelnetTestClient dave = cluster.inChat(1, "dave");
            bob.awaitText("*** dave has joined chat", WAIT);
            dave.sendLine("hello");
            bob.awaitText("<dave> hello", WAIT);

            // Back under the same name, the server is new: its callers are announced again.
            cluster.restart(2);
            TestServer.enterChat(cluster.login(2, "alice"));
            bob.awaitText("*** alice has joined chat", WAIT);
            carol.awaitText("*** alice has joined chat", WAIT);
        }
    }

    private static boolean listsHandle(Cli.Result who, String handle) {
        return who.succeeded().out().lines().skip(1).anyMatch(row -> row.matches(".*\\b" + handle + "\\b.*"));
    }
}
