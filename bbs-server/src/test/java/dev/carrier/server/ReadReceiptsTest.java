package dev.carrier.server;

import static dev.carrier.server.JsonClient.named;
import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.runtime.ManualTime;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read receipts to the sender's JSON clients, and the conversation list with unread counts. */
class ReadReceiptsTest {

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

    @Test
    void markingReadTellsTheSendersJsonClientsAndConversationsCountWhatIsUnread() {
        JsonClient alice = bbs.json("alice").connect();
        JsonClient bob = bbs.json("bob").connect();
        TelnetTestClient carol = TestServer.enterChat(bbs.register("carol", "secret-carol"));
        for (String text : new String[] {"one", "two", "three"}) {
            alice.send("send_message", JsonClient.body("to", "bob", "text", text));
            bob.await("new_message", d -> named(d, "text", text));
        }
        time.advance(Duration.ofSeconds(30));
        carol.sendLine("/msg bob from carol");
        bob.await("new_message", d -> named(d, "text", "from carol"));
        time.advance(Duration.ofSeconds(30));

        JsonNode list = bob.get("/api/conversations").body();
        assertEquals(2, list.size(), list.toString());
        assertEquals("carol", list.get(0).path("peer").asText(), "the most recent conversation first");
        assertEquals(1, list.get(0).path("unread").asInt());
        assertEquals("alice", list.get(1).path("peer").asText());
        assertEquals(3, list.get(1).path("unread").asInt());
        assertEquals("three", list.get(1).path("last_message").path("text").asText());
        assertEquals("received", list.get(1).path("last_message").path("direction").asText());

        JsonNode two = bob.all("new_message").stream().filter(d -> named(d, "text", "two")).findFirst().orElseThrow();
        bob.send("mark_read", JsonClient.body("peer", "alice", "msg_id", two.path("msg_id").asText()));
        JsonNode receipt = alice.await("message_read");
        assertEquals(two.path("msg_id").asText(), receipt.path("msg_id").asText());
        assertEquals("bob", receipt.path("by").asText());
        assertEquals("2026-01-01T12:01:00Z", receipt.path("read_at").asText());

        TestServer.eventually().until(() -> bob.get("/api/conversations").body().get(1).path("unread").asInt() == 1);
        JsonNode fromAlice = alice.get("/api/conversations").body();
        assertEquals("bob", fromAlice.get(0).path("peer").asText());
        assertEquals(0, fromAlice.get(0).path("unread").asInt(), "her own messages are never unread to her");
        assertEquals("sent", fromAlice.get(0).path("last_message").path("direction").asText());

        // Marking again changes nothing, so no second receipt; the reader's side hears none.
        bob.send("mark_read", JsonClient.body("peer", "alice", "msg_id", two.path("msg_id").asText()));
        bob.send("mark_read", JsonClient.body("peer", "carol", "msg_id",
                bob.all("new_message").stream().filter(d -> named(d, "text", "from carol")).findFirst()
                        .orElseThrow().path("msg_id").asText()));
        TestServer.eventually().until(() -> bob.get("/api/conversations").body().get(0).path("unread").asInt() == 0);
        assertEquals(1, alice.all("message_read").size());
        assertTrue(bob.all("message_read").isEmpty());
        assertFalse(carol.transcript().contains("message_read"));
    }
}
