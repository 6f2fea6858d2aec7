package dev.carrier.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carrier.bus.InProcessBus;
import dev.carrier.chat.ChatConfig;
import dev.carrier.chat.ChatManager;
import dev.carrier.message.MessageSinks;
import dev.carrier.message.Messenger;
import dev.carrier.message.SendBudgets;
import dev.carrier.message.SqliteMessageStore;
import dev.carrier.presence.Presence;
import dev.carrier.runtime.ManualTime;
import dev.carrier.runtime.Workers;
import dev.carrier.session.Nodes;
import dev.carrier.store.Database;
import dev.carrier.user.SqliteUserStore;
import dev.carrier.user.User;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /events rules without a socket: a sink that records frames stands in for the WebSocket. */
class EventHubTest {

    @TempDir
    Path dir;

    private final ManualTime time = new ManualTime();
    private final ObjectMapper json = new ObjectMapper();
    private Database db;
    private Workers workers;
    private EventHub hub;
    private SqliteUserStore users;

    /** Records frames; runs everything on the caller's thread. */
    final class Sink implements EventSink {
        final List<JsonNode> frames = new ArrayList<>();
        String closedBecause;

        @Override
        public synchronized void send(String frame) {
            try {
                frames.add(json.readTree(frame));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            notifyAll();
        }

        @Override public boolean writable() { return true; }

        @Override public void whenWritable(Runnable task) { task.run(); }

        @Override public Executor executor() { return Runnable::run; }

        @Override
        public synchronized void close(String reason) {
            closedBecause = reason;
        }

        synchronized JsonNode await(String event, Predicate<JsonNode> data) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (true) {
                for (JsonNode frame : frames) {
                    if (frame.path("event").asText().equals(event) && data.test(frame.path("data"))) return frame.path("data");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("no " + event + " in " + frames);
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        }

        synchronized long count(String event) {
            return frames.stream().filter(f -> f.path("event").asText().equals(event)).count();
        }
    }

    @BeforeEach
    void start() {
        db = Database.open(dir);
        workers = new Workers(2, 100);
        users = new SqliteUserStore(db, time);
        InProcessBus bus = new InProcessBus();
        Presence presence = new Presence(bus, time, Duration.ofMinutes(15));
        ChatManager chat = new ChatManager(bus, time, ChatConfig.defaults());
        SendBudgets budgets = new SendBudgets(ChatConfig.defaults(), time);
        Messenger messenger = new Messenger(new MessageSinks(), presence, new SqliteMessageStore(db), users, workers, time,
                budgets, ChatConfig.defaults().maxWaitingMessages());
        hub = new EventHub(bus, presence, messenger, chat, budgets, new Nodes(256), Duration.ofMinutes(5), time,
                Runnable::run, time);
    }

    @AfterEach
    void stop() {
        workers.close();
        db.close();
    }

    private User user(String handle) {
        return users.find(handle).orElseGet(() -> users.create(handle, "x"));
    }

    private EventClient connect(String handle, Sink sink) {
        return hub.connect(user(handle), Optional.empty(), sink).orElseThrow();
    }

    @Test
    void onConnectTheClientGetsHelloThenEveryonesPresence() {
        connect("bob", new Sink());
        Sink alice = new Sink();
        connect("alice", alice);
        assertEquals("hello", alice.frames.get(0).path("event").asText());
        assertEquals(ServerEvent.PROTOCOL_VERSION, alice.frames.get(0).path("data").path("protocol_version").asText());
        assertEquals("alice", alice.frames.get(0).path("data").path("username").asText());
        assertEquals("presence", alice.frames.get(1).path("event").asText());
        alice.await("presence", d -> d.path("username").asText().equals("bob") && d.path("status").asText().equals("online"));
        alice.await("presence", d -> d.path("username").asText().equals("alice"));
    }

    @Test
    void aDirectMessageReachesBothSidesAndRingsTheRecipient() {
        Sink alice = new Sink();
        Sink bob = new Sink();
        EventClient aliceClient = connect("alice", alice);
        connect("bob", bob);
        aliceClient.receive("{\"event\":\"send_message\",\"data\":{\"to\":\"BOB\",\"text\":\"hi\"}}");
        JsonNode received = bob.await("new_message", d -> d.path("direction").asText().equals("received"));
        assertEquals("alice", received.path("from").asText());
        assertEquals("bob", received.path("to").asText());
        assertEquals("hi", received.path("text").asText());
        assertEquals("direct", received.path("delivery_method").asText());
        assertTrue(received.path("delivered").asBoolean());
        assertTrue(received.path("timestamp").asText().endsWith("Z"));
        bob.await("bell", d -> d.path("reason").asText().equals("dm"));
        JsonNode sent = alice.await("new_message", d -> d.path("direction").asText().equals("sent"));
        assertEquals(received.path("msg_id"), sent.path("msg_id"));
    }

    @Test
    void typingGoesOnlyToItsTargetAndExpires() {
        Sink alice = new Sink();
        Sink bob = new Sink();
        Sink carol = new Sink();
        EventClient aliceClient = connect("alice", alice);
        connect("bob", bob);
        connect("carol", carol);
        aliceClient.receive("{\"event\":\"typing\",\"data\":{\"to\":\"bob\",\"typing\":true}}");
        bob.await("typing", d -> d.path("username").asText().equals("alice") && d.path("typing").asBoolean());
        time.advance(EventHub.TYPING_EXPIRES);
        bob.await("typing", d -> d.path("username").asText().equals("alice") && !d.path("typing").asBoolean());
        assertEquals(0, carol.count("typing"));
        assertEquals(0, alice.count("typing"));
    }

    @Test
    void badFramesGetAnErrorNamingTheFieldAndTheConnectionStays() {
        Sink alice = new Sink();
        EventClient client = connect("alice", alice);
        client.receive("{not json");
        alice.await("error", d -> d.path("code").asText().equals("bad_json"));
        client.receive("{\"event\":\"dance\"}");
        alice.await("error", d -> d.path("code").asText().equals("unknown_event"));
        client.receive("{\"event\":\"send_message\",\"data\":{\"text\":\"hi\"}}");
        alice.await("error", d -> d.path("message").asText().contains("data.to is required"));
        client.receive("{\"event\":\"typing\",\"data\":{\"to\":\"bob\",\"typing\":\"yes\"}}");
        alice.await("error", d -> d.path("message").asText().contains("data.typing must be true or false"));
        client.receive("{\"event\":\"send_message\",\"data\":{\"to\":\"bob\",\"text\":\"" + "x".repeat(2001) + "\"}}");
        alice.await("error", d -> d.path("code").asText().equals("too_long"));
        client.receive("{\"event\":\"set_status\",\"data\":{\"status\":\"offline\"}}");
        alice.await("error", d -> d.path("message").asText().contains("online, away or dnd"));
        assertEquals(null, alice.closedBecause);
    }

    @Test
    void aSecondConnectionAndAReplacedInstanceAreInvisibleToOthers() {
        Sink watcher = new Sink();
        connect("bob", watcher);
        Sink first = new Sink();
        hub.connect(user("alice"), Optional.of("laptop"), first);
        Sink second = new Sink();
        hub.connect(user("alice"), Optional.of("laptop"), second);
        assertEquals("replaced by a new connection of the same client", first.closedBecause);
        watcher.await("friend_online", d -> d.path("username").asText().equals("alice"));
        assertEquals(1, watcher.frames.stream().filter(f -> f.path("event").asText().equals("friend_online")
                && f.path("data").path("username").asText().equals("alice")).count());
        assertEquals(0, watcher.count("friend_offline"));
    }

    @Test
    void theLastConnectionClosingSaysFriendOfflineOnce() {
        Sink watcher = new Sink();
        connect("bob", watcher);
        EventClient one = connect("alice", new Sink());
        EventClient two = connect("alice", new Sink());
        one.closed();
        assertEquals(0, watcher.count("friend_offline"));
        two.closed();
        watcher.await("friend_offline", d -> d.path("username").asText().equals("alice"));
        assertEquals(1, watcher.count("friend_offline"));
    }

    @Test
    void chatSayIsMirroredAsChatEvents() {
        Sink alice = new Sink();
        EventClient client = connect("alice", alice);
        client.receive("{\"event\":\"chat_say\",\"data\":{\"text\":\"hello room\"}}");
        JsonNode chat = alice.await("chat", d -> d.path("kind").asText().equals("public"));
        assertEquals("alice", chat.path("from").asText());
        assertEquals("hello room", chat.path("text").asText());
        assertFalse(chat.path("timestamp").asText().isEmpty());
    }
}
