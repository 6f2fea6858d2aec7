package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static dev.carrier.server.TestServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when", end to end: two telnet callers and a JSON client meet in a new room,
 * see its history after a restart, ignore each other, and a sysop breaks in on one of them.
 */
class RoomsDoneWhenTest {

    @TempDir
    Path data;

    @Test
    void twoCallersAndAnAppMeetInARoomKeepItsHistoryIgnoreEachOtherAndTheSysopBreaksIn() {
        try (TestServer first = TestServer.start(data)) {
            TelnetTestClient alice = TestServer.inRoom(first.inChat("alice"), "meet");
            TelnetTestClient bob = TestServer.inRoom(first.inChat("bob"), "meet");
            JsonClient carol = first.json("carol").connect();
            carol.send("join_room", JsonClient.body("room", "meet"));
            alice.awaitText("*** carol has joined #meet", WAIT);
            alice.sendLine("hello both");
            bob.awaitText("<alice> hello both", WAIT);
            carol.await("chat", d -> d.path("text").asText().equals("hello both"));
            carol.send("chat_say", JsonClient.body("text", "hi from the app"));
            alice.awaitText("<carol> hi from the app", WAIT);
            bob.awaitText("<carol> hi from the app", WAIT);
            eventually().untilAsserted(() -> assertEquals(2,
                    carol.get("/api/rooms/meet/history").body().size()));
        }

        try (TestServer bbs = TestServer.start(data)) {
            TelnetTestClient bob = TestServer.enterChat(bbs.login("bob", "secret-bob"));
            bob.sendLine("/join meet");
            String history = bob.awaitText("<carol> hi from the app", WAIT);
            assertTrue(history.contains("] <alice> hello both"), history);
            TelnetTestClient alice = TestServer.enterChat(bbs.login("alice", "secret-alice"));
            TestServer.inRoom(alice, "meet");
            JsonClient carol = bbs.json("carol").connect();
            carol.send("join_room", JsonClient.body("room", "meet"));
            carol.await("room");

            bob.sendLine("/ignore alice");
            bob.awaitText("*** Ignoring alice", WAIT);
            carol.send("chat_say", JsonClient.body("text", "before the ignore"));
            alice.awaitText("<carol> before the ignore", WAIT);
            alice.sendLine("/ignore carol");
            alice.awaitText("*** Ignoring carol", WAIT);
            alice.sendLine("bob cannot hear this");
            carol.await("chat", d -> d.path("text").asText().equals("bob cannot hear this"));
            carol.send("chat_say", JsonClient.body("text", "alice cannot hear this"));
            bob.awaitText("<carol> alice cannot hear this", WAIT);
            bob.sendLine("marker");
            alice.awaitText("<bob> marker", WAIT);
            assertFalse(bob.transcript().contains("bob cannot hear this"), bob.transcript());
            assertFalse(alice.transcript().contains("alice cannot hear this"), alice.transcript());

            Cli.addUser(data, "sam", "secret-sam", "--sysop").succeeded();
            TelnetTestClient sam = TestServer.enterChat(bbs.login("sam", "secret-sam"));
            sam.sendLine("/chat bob");
            bob.awaitText("*** The sysop (sam) has broken in for a chat.", WAIT);
            bob.sendLine("yes?");
            sam.awaitText("<bob> yes?", WAIT);
            sam.sendLine("/end");
            bob.awaitText("*** The chat with the sysop has ended.", WAIT);
            bob.sendLine("back in #meet");
            alice.awaitText("<bob> back in #meet", WAIT);
        }
    }
}
