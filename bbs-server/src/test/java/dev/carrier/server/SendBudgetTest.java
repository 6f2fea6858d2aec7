package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.message.SqliteMessageStore;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One budget of messages per user over every transport (the chat flood gate's shape: five at
 * once, then one a second), with a clear answer when it is spent, and nothing lost that was taken.
 */
class SendBudgetTest {

    @TempDir
    Path data;

    @Test
    void aJsonFloodOfSendMessageIsRateLimitedAndEveryAcceptedMessageArrives() {
        try (TestServer bbs = TestServer.start(data)) {
            bbs.createUser("bob", "secret-bob");
            JsonClient alice = bbs.json("alice").connect();
            for (int i = 0; i < 200; i++) {
                alice.send("send_message", JsonClient.body("to", "bob", "text", "flood " + i));
            }
            await().atMost(WAIT).until(() -> alice.all("error").size() + alice.all("new_message").size() == 200);
            JsonNode limited = alice.await("error", d -> d.path("code").asText().equals("rate_limited"));
            assertTrue(limited.path("message").asText().matches("too many messages at once: try again in \\d+ s"),
                    limited.toString());
            int accepted = alice.all("new_message").size();
            assertTrue(accepted >= 5 && accepted < 20, "a burst of 5 and about one a second, got " + accepted);
            assertEquals(accepted, new SqliteMessageStore(bbs.server().database()).countWaiting("bob"));

            JsonClient bob = bbs.json("bob").connect();
            await().atMost(WAIT).until(() -> bob.all("new_message").size() == accepted);
            Set<String> sent = new HashSet<>();
            alice.all("new_message").forEach(m -> sent.add(m.path("text").asText()));
            Set<String> received = new HashSet<>();
            bob.all("new_message").forEach(m -> received.add(m.path("text").asText()));
            assertEquals(sent, received);
        }
    }

    @Test
    void telnetChatLinesAndJsonMessagesSpendOneBudget() {
        try (TestServer bbs = TestServer.start(data)) {
            TelnetTestClient alice = bbs.inChat("alice");
            bbs.createUser("bob", "secret-bob");
            for (int i = 0; i < 5; i++) alice.sendLine("line " + i);
            alice.awaitText("<alice> line 4", WAIT);
            JsonClient aliceOnJson = JsonClient.withToken(bbs.webOrigin(),
                    JsonClient.login(bbs.webOrigin(), "alice", "secret-alice").token()).connect();
            aliceOnJson.send("send_message", JsonClient.body("to", "bob", "text", "one too many"));
            aliceOnJson.await("error", d -> d.path("code").asText().equals("rate_limited"));
            aliceOnJson.send("chat_say", JsonClient.body("text", "and in chat"));
            aliceOnJson.await("error", d -> d.path("code").asText().equals("rate_limited"));
            alice.sendLine("/msg bob from telnet");
            alice.awaitText("*** Slow down", WAIT);
            alice.sendLine("/page bob");
            alice.awaitText("*** Slow down", WAIT);
        }
    }

    @Test
    void aTypingFloodIsDroppedQuietly() {
        try (TestServer bbs = TestServer.start(data)) {
            JsonClient bob = bbs.json("bob").connect();
            JsonClient alice = bbs.json("alice").connect();
            bob.await("presence", d -> d.path("username").asText().equals("alice"));
            for (int i = 0; i < 300; i++) alice.send("typing", JsonClient.body("to", "bob").put("typing", true));
            alice.send("send_message", JsonClient.body("to", "bob", "text", "done typing"));
            bob.await("new_message", d -> d.path("text").asText().equals("done typing"));
            int typed = bob.all("typing").size();
            assertTrue(typed >= 20 && typed < 60, "a burst of 20 and about four a second, got " + typed);
            assertEquals(0, alice.all("error").size(), alice.all("error").toString());
        }
    }
}
