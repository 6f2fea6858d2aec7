package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.events.EventHub;
import dev.carrier.runtime.ManualTime;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code typing {room}}: the JSON clients in the typist's room hear it, and it clears itself after 5 s. */
class RoomTypingTest {

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

    private JsonClient inRoom(String handle, String room) {
        JsonClient client = bbs.json(handle).connect();
        client.send("join_room", JsonClient.body("room", room));
        client.await("room", d -> d.path("room").asText().equals(room));
        return client;
    }

    @Test
    void typingInARoomReachesItsJsonClientsOnlyAndExpires() {
        JsonClient alice = inRoom("alice", "games");
        JsonClient bob = inRoom("bob", "games");
        JsonClient carol = bbs.json("carol").connect(); // hears the lobby
        TelnetTestClient dave = TestServer.enterChat(bbs.register("dave", "secret-dave"));
        TestServer.inRoom(dave, "games");

        alice.send("typing", JsonClient.body("room", "games").put("typing", true));
        JsonNode typing = bob.await("typing", d -> d.path("typing").asBoolean());
        assertEquals("alice", typing.path("username").asText());
        assertEquals("games", typing.path("room").asText());

        time.advance(EventHub.TYPING_EXPIRES.plus(Duration.ofMillis(1)));
        JsonNode cleared = bob.await("typing", d -> !d.path("typing").asBoolean());
        assertEquals("games", cleared.path("room").asText());

        alice.send("chat_say", JsonClient.body("text", "done"));
        carol.send("chat_say", JsonClient.body("text", "lobby marker"));
        carol.await("chat", d -> d.path("text").asText().equals("lobby marker"));
        bob.await("chat", d -> d.path("text").asText().equals("done"));
        dave.awaitText("<alice> done", WAIT);
        assertTrue(carol.all("typing").isEmpty(), carol.all("typing").toString());
        assertTrue(alice.all("typing").isEmpty(), "the typist is not told of their own typing");
        assertTrue(!dave.transcript().contains("typing"), "terminals are not shown typing");

        alice.send("typing", JsonClient.body("room", "lobby").put("typing", true));
        assertEquals("not_in_room", alice.await("error").path("code").asText());
    }

    @Test
    void typingToOnePersonStaysOneToOne() {
        JsonClient alice = inRoom("alice", "games");
        JsonClient bob = inRoom("bob", "games");
        JsonClient carol = inRoom("carol", "games");
        alice.send("typing", JsonClient.body("to", "bob").put("typing", true));
        JsonNode typing = bob.await("typing");
        assertTrue(typing.path("room").isMissingNode(), typing.toString());
        alice.send("chat_say", JsonClient.body("text", "marker"));
        carol.await("chat", d -> d.path("text").asText().equals("marker"));
        assertTrue(carol.all("typing").isEmpty());
    }
}
