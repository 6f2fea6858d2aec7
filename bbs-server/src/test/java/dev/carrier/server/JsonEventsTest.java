package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON clients and telnet users in one place: DMs, presence, chat, read marks. */
class JsonEventsTest {

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

    private static boolean named(JsonNode data, String field, String value) {
        return data.path(field).asText().equals(value);
    }

    @Test
    void onConnectTheClientGetsThePresenceOfEveryoneOnline() {
        bbs.register("bob", "secret-bob");
        JsonClient alice = bbs.json("alice").connect();
        JsonNode first = alice.await("presence");
        assertTrue(first.has("idle_seconds"));
        alice.await("presence", d -> named(d, "username", "bob") && named(d, "status", "online"));
    }

    @Test
    void aTelnetMsgArrivesAsNewMessageAndSendMessageAppearsOnTelnet() {
        TelnetTestClient bob = bbs.inChat("bob");
        JsonClient alice = bbs.json("alice").connect();
        alice.await("presence", d -> named(d, "username", "alice"));

        bob.sendLine("/msg alice hello from telnet");
        JsonNode received = alice.await("new_message", d -> named(d, "direction", "received"));
        assertEquals("bob", received.path("from").asText());
        assertEquals("alice", received.path("to").asText());
        assertEquals("hello from telnet", received.path("text").asText());
        assertEquals("direct", received.path("delivery_method").asText());
        assertTrue(received.path("delivered").asBoolean());
        assertTrue(received.path("msg_id").asText().matches("[0-9a-f-]{36}"));
        alice.await("bell", d -> named(d, "reason", "dm"));

        alice.send("send_message", JsonClient.body("to", "BOB", "text", "hello from json"));
        bob.awaitText("[DM from alice] hello from json", WAIT);
        alice.await("new_message", d -> named(d, "direction", "sent") && named(d, "text", "hello from json"));
    }

    @Test
    void theSendersOtherConnectionsSeeTheMessageAsSent() {
        bbs.json("bob").connect();
        JsonClient alice = bbs.json("alice");
        alice.connect();
        JsonClient aliceOnPhone = JsonClient.withToken(bbs.webOrigin(), alice.token()).connect();
        TelnetTestClient aliceOnTelnet = bbs.login("alice", "secret-alice");
        alice.send("send_message", JsonClient.body("to", "bob", "text", "from the laptop"));
        aliceOnPhone.await("new_message", d -> named(d, "direction", "sent") && named(d, "text", "from the laptop"));
        aliceOnTelnet.awaitText("[DM to bob] from the laptop", WAIT);
    }

    @Test
    void aMessageToSomeoneWithNoConnectionIsDeliveredOnceAtTheirNextConnectEvenAfterARestart() {
        bbs.createUser("bob", "secret-bob");
        JsonClient alice = bbs.json("alice").connect();
        alice.send("send_message", JsonClient.body("to", "bob", "text", "while you were out"));
        JsonNode sent = alice.await("new_message", d -> named(d, "direction", "sent"));
        assertEquals("offline", sent.path("delivery_method").asText());
        assertFalse(sent.path("delivered").asBoolean());
        bbs.close();

        bbs = TestServer.start(data);
        JsonClient bob = bbs.json("bob").connect();
        JsonNode waited = bob.await("new_message", d -> named(d, "text", "while you were out"));
        assertEquals("offline", waited.path("delivery_method").asText());
        assertEquals("received", waited.path("direction").asText());
        assertEquals(sent.path("msg_id"), waited.path("msg_id"));
        bob.close();

        JsonClient again = bbs.json("bob").connect();
        again.await("presence", d -> named(d, "username", "bob"));
        TelnetTestClient onTelnet = bbs.login("bob", "secret-bob");
        onTelnet.send("w");
        onTelnet.awaitText("Handle for details", WAIT);
        assertTrue(again.all("new_message").isEmpty(), "delivered twice");
        assertFalse(onTelnet.transcript().contains("while you were out"), "delivered twice");
    }

    @Test
    void readMarksAreStoredAndShownInTheHistory() {
        JsonClient bob = bbs.json("bob").connect();
        JsonClient alice = bbs.json("alice").connect();
        for (String text : new String[] {"one", "two", "three"}) {
            alice.send("send_message", JsonClient.body("to", "bob", "text", text));
            bob.await("new_message", d -> named(d, "text", text));
        }
        JsonNode two = bob.all("new_message").stream().filter(d -> named(d, "text", "two")).findFirst().orElseThrow();
        bob.send("mark_read", JsonClient.body("peer", "alice", "msg_id", two.path("msg_id").asText()));

        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode history;
        do {
            history = bob.get("/api/messages?peer=alice").body();
        } while ((history.size() < 3 || !history.get(1).path("read").asBoolean()) && System.nanoTime() < deadline);
        assertEquals(3, history.size());
        assertEquals("one", history.get(0).path("text").asText());
        assertTrue(history.get(0).path("read").asBoolean());
        assertTrue(history.get(1).path("read").asBoolean());
        assertFalse(history.get(2).path("read").asBoolean());
        assertEquals("received", history.get(0).path("direction").asText());
        assertEquals("sent", alice.get("/api/messages?peer=bob").body().get(0).path("direction").asText());

        JsonNode page = bob.get("/api/messages?peer=alice&limit=1&before=" + history.get(2).path("msg_id").asText()).body();
        assertEquals(1, page.size());
        assertEquals("two", page.get(0).path("text").asText());
    }

    @Test
    void typingGoesToItsTargetOnly() {
        JsonClient bob = bbs.json("bob").connect();
        JsonClient carol = bbs.json("carol").connect();
        JsonClient alice = bbs.json("alice").connect();
        alice.send("typing", JsonClient.body("to", "bob").put("typing", true));
        bob.await("typing", d -> named(d, "username", "alice") && d.path("typing").asBoolean());
        alice.send("typing", JsonClient.body("to", "bob").put("typing", false));
        bob.await("typing", d -> named(d, "username", "alice") && !d.path("typing").asBoolean());
        carol.send("keepalive", null);
        carol.await("presence", d -> true);
        assertTrue(carol.all("typing").isEmpty());
        assertTrue(alice.all("typing").isEmpty());
    }

    @Test
    void friendOnlineAndOfflineComeOncePerUserNotPerConnection() {
        JsonClient watcher = bbs.json("watcher").connect();
        TelnetTestClient bobTelnet = bbs.register("bob", "secret-bob");
        watcher.await("friend_online", d -> named(d, "username", "bob"));
        JsonClient bobJson = JsonClient.login(bbs.webOrigin(), "bob", "secret-bob").connect();
        bobJson.await("presence", d -> named(d, "username", "bob"));
        bobTelnet.close();
        bobJson.close();
        watcher.await("friend_offline", d -> named(d, "username", "bob"));
        assertEquals(1, watcher.all("friend_online").stream().filter(d -> named(d, "username", "bob")).count());
        assertEquals(1, watcher.all("friend_offline").stream().filter(d -> named(d, "username", "bob")).count());
    }

    @Test
    void setStatusChangesPresenceForEveryone() {
        TelnetTestClient bob = bbs.register("bob", "secret-bob");
        JsonClient watcher = bbs.json("watcher").connect();
        JsonClient alice = bbs.json("alice").connect();
        alice.send("set_status", JsonClient.body("status", "dnd"));
        watcher.await("presence", d -> named(d, "username", "alice") && named(d, "status", "dnd"));
        bob.send("w");
        bob.awaitText("Do not disturb - 1", WAIT);
    }

    @Test
    void chatSayTalksInTheRoomAndChatEventsMirrorIt() {
        TelnetTestClient bob = bbs.inChat("bob");
        JsonClient alice = bbs.json("alice").connect();
        alice.send("chat_say", JsonClient.body("text", "hi room"));
        bob.awaitText("<alice> hi room", WAIT);
        bob.sendLine("/me waves back");
        alice.await("chat", d -> named(d, "kind", "public") && named(d, "from", "alice") && named(d, "text", "hi room"));
        JsonNode action = alice.await("chat", d -> named(d, "kind", "action"));
        assertEquals("bob", action.path("from").asText());
        assertEquals("waves back", action.path("text").asText());
        assertTrue(action.path("timestamp").asText().endsWith("Z"));
    }

    @Test
    void aReconnectWithTheSameInstanceIdReplacesTheOldConnectionSilently() {
        JsonClient watcher = bbs.json("watcher").connect();
        JsonClient laptop = bbs.json("alice").connect(Optional.of("laptop-1"));
        watcher.await("friend_online", d -> named(d, "username", "alice"));
        JsonClient again = JsonClient.withToken(bbs.webOrigin(), laptop.token()).connect(Optional.of("laptop-1"));
        again.await("presence", d -> named(d, "username", "alice"));
        assertEquals(1000, laptop.awaitClosed());
        watcher.send("keepalive", null);
        assertTrue(watcher.all("friend_offline").isEmpty(), "watcher saw alice leave");
        assertEquals(1, watcher.all("friend_online").stream().filter(d -> named(d, "username", "alice")).count());
    }
}
