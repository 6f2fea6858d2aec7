package dev.carrier.server;

import static dev.carrier.server.ServerCluster.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.carrier.telnet.TelnetTestClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What is addressed to a person reaches them on whichever server they are: direct messages, pages
 * and their bells, /ignore set on one server and held on the other, and a room owner's /kick.
 * alice and dave call server 1, bob calls server 2.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ClusterDeliveryTest {

    @RegisterExtension
    final ClusterGround ground = new ClusterGround();

    private ServerCluster cluster;
    private TelnetTestClient alice;
    private TelnetTestClient dave;
    private TelnetTestClient bob;

    @BeforeEach
    void start() throws Exception {
        cluster = ground.start(2);
        alice = cluster.inChat(0, "alice");
        bob = cluster.inChat(1, "bob");
        alice.awaitText("*** bob has joined chat", WAIT);
        // A join is shown to those already in the room: dave comes in once bob is there to see it.
        dave = cluster.inChat(0, "dave");
        bob.awaitText("*** dave has joined chat", WAIT);
    }

    @AfterEach
    void stop() throws InterruptedException {
        cluster.close();
    }

    @Test
    void aDirectMessageReachesTheOtherServerAndTheSenderIsToldTheyAreOnline() {
        alice.sendLine("/msg bob are you there");
        alice.awaitText("[DM to bob] are you there", WAIT);
        bob.awaitText("[DM from alice] are you there", WAIT);
        bob.sendLine("/r yes, on the other server");
        alice.awaitText("[DM from bob] yes, on the other server", WAIT);
        assertFalse(alice.transcript().contains("next login"), "bob is online, on another server: " + alice.transcript());
        // Shown means delivered: nothing waits for bob's next login.
        bob.sendLine("/msgs");
        bob.awaitText("No messages waiting.", WAIT);
    }

    @Test
    void aPageRingsTheBellOnTheOtherServer() {
        long before = TestServer.bells(bob);
        alice.sendLine("/page bob");
        alice.awaitText("*** Paged bob", WAIT);
        bob.awaitText("*** alice is paging you", WAIT);
        TestServer.awaitBells(bob, before + 1);
        assertEquals(0, TestServer.bells(alice));
    }

    @Test
    void anIgnoreSetOnOneServerHoldsForWhatComesFromTheOther() {
        bob.sendLine("/ignore alice");
        bob.awaitText("*** Ignoring alice", WAIT);
        long bobBells = TestServer.bells(bob);

        alice.sendLine("hello bob");
        alice.sendLine("/me waves at bob");
        alice.sendLine("/msg bob psst");
        alice.awaitText("[DM to bob] psst", WAIT);
        alice.sendLine("/page bob");
        alice.awaitText("*** Paged bob", WAIT);
        dave.awaitText("* alice waves at bob", WAIT);
        dave.sendLine("/page bob");
        dave.awaitText("*** Paged bob", WAIT);
        bob.awaitText("*** dave is paging you", WAIT);
        // dave's line after alice's, from the same server: once bob has it, alice's would have come.
        dave.sendLine("marker");
        bob.awaitText("<dave> marker", WAIT);

        String seen = bob.transcript();
        assertFalse(seen.contains("hello bob") || seen.contains("waves at bob"), seen);
        assertFalse(seen.contains("psst") || seen.contains("alice is paging you"), seen);
        assertEquals(bobBells + 1, TestServer.bells(bob), "dave's page rings, alice's does not");
        bob.sendLine("/msgs");
        bob.awaitText("No messages waiting.", WAIT);
    }

    @Test
    void aRoomOwnerOnOneServerKicksSomeoneOnTheOther() {
        TestServer.inRoom(alice, "den");
        TestServer.inRoom(bob, "den");
        alice.awaitText("*** bob has joined #den", WAIT);
        alice.sendLine("/kick bob too loud");
        alice.awaitText("*** bob was kicked by alice: too loud", WAIT);
        bob.awaitText("*** You were kicked from #den by alice: too loud", WAIT);
        bob.awaitText("*** You are in #lobby", WAIT);
        alice.awaitText("*** bob has left #den", WAIT);
        // In the lobby on every server: dave, on the other one, hears him there.
        bob.sendLine("back in the lobby");
        dave.awaitText("<bob> back in the lobby", WAIT);
    }
}
