package dev.carrier.message;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.bus.Bus;
import dev.carrier.bus.InProcessBus;
import dev.carrier.bus.LinkedBuses;
import dev.carrier.presence.Presence;
import dev.carrier.runtime.ManualTime;
import dev.carrier.runtime.Workers;
import dev.carrier.store.OnEveryDialect;
import dev.carrier.user.SqliteUserStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two servers, each with its own messenger and sinks, on linked buses and one database: a DM or a
 * page reaches its recipient on whichever server they are connected to.
 */
class MessagesAcrossServersTest extends OnEveryDialect {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ManualTime time = new ManualTime();
    private final Set<String> ignoring = ConcurrentHashMap.newKeySet();
    private Workers workers;
    private MessageStore store;
    /** Stands in for the merged, cluster-wide presence both servers read. */
    private Presence presence;
    private Messenger one;
    private Messenger two;

    /** A connection's sink: what it was shown, and the shown-callbacks it has not run yet. */
    private static final class Recorded implements MessageSink {
        final List<String> lines = new ArrayList<>();
        final List<Runnable> unwritten = new ArrayList<>();

        @Override
        public synchronized void direct(DirectMessage message, boolean mine, boolean ring, Runnable shown) {
            lines.add((mine ? "to " + message.to() : "from " + message.from()) + ": " + message.text()
                    + (message.deliveredAt().isPresent() ? " (delivered)" : "") + (ring ? " (bell)" : ""));
            if (!mine) unwritten.add(shown);
        }

        @Override
        public synchronized void paged(String from) {
            lines.add("paged by " + from);
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        synchronized void writeAll() {
            unwritten.forEach(Runnable::run);
            unwritten.clear();
        }
    }

    @BeforeEach
    void start() {
        workers = new Workers(2, 100);
        SqliteUserStore users = new SqliteUserStore(db, time);
        users.create("alice", "x");
        users.create("bob", "x");
        store = new SqliteMessageStore(db);
        presence = new Presence(new InProcessBus(), time, Duration.ofMinutes(15));
        LinkedBuses link = new LinkedBuses();
        BiPredicate<String, String> ignores = (reader, sender) -> ignoring.contains(reader + ">" + sender);
        one = server(link.add(), users, ignores);
        two = server(link.add(), users, ignores);
    }

    private Messenger server(Bus bus, SqliteUserStore users, BiPredicate<String, String> ignores) {
        return new Messenger(new MessageSinks(), presence, store, users, workers, time, SendBudgets.unlimited(time), 5,
                ignores, bus);
    }

    private Recorded connect(Messenger server, String handle) {
        Recorded sink = new Recorded();
        server.open(handle, sink);
        presence.connected(handle);
        return sink;
    }

    @AfterEach
    void stop() {
        workers.close();
    }

    @Test
    void aDmReachesItsRecipientOnAnotherServerAndTheSenderSeesItDelivered() {
        Recorded alice = connect(one, "alice");
        Recorded bob = connect(two, "bob");
        assertInstanceOf(SendResult.Delivered.class, one.send("alice", "bob", "hello").join());
        await().atMost(WAIT).until(() -> bob.lines().equals(List.of("from alice: hello (delivered) (bell)")));
        await().atMost(WAIT).until(() -> alice.lines().equals(List.of("to bob: hello (delivered)")));
        assertEquals(1, store.countWaiting("bob"), "waiting until a connection of bob has written it");
        bob.writeAll();
        await().atMost(WAIT).until(() -> store.countWaiting("bob") == 0);
        assertEquals("alice", two.lastSender("bob").orElseThrow(), "/reply works where bob is");
    }

    @Test
    void aRecipientOnTwoServersIsShownItOnBothAndItIsMarkedDeliveredOnce() {
        connect(one, "alice");
        Recorded bobHere = connect(one, "bob");
        Recorded bobThere = connect(two, "bob");
        one.send("alice", "bob", "twice").join();
        await().atMost(WAIT).until(() -> bobHere.lines().size() == 1 && bobThere.lines().size() == 1);
        bobThere.writeAll();
        bobHere.writeAll();
        await().atMost(WAIT).until(() -> store.countWaiting("bob") == 0);
        assertEquals(1, store.history("bob", "alice", time.instant().plusSeconds(1), 10).size());
    }

    @Test
    void aDmToSomeoneOfflineWaitsAndTheSendersOtherServerSeesItSent() {
        Recorded aliceOne = connect(one, "alice");
        Recorded aliceTwo = connect(two, "alice");
        assertInstanceOf(SendResult.Stored.class, one.send("alice", "bob", "later").join());
        await().atMost(WAIT).until(() -> aliceOne.lines().equals(List.of("to bob: later"))
                && aliceTwo.lines().equals(List.of("to bob: later")));
        assertEquals(1, store.countWaiting("bob"));
    }

    @Test
    void aPageRingsTheRecipientOnTheirServerUnlessTheyIgnoreTheSender() {
        connect(one, "alice");
        Recorded bob = connect(two, "bob");
        assertEquals(Messenger.Page.Outcome.PAGED, one.page("alice", "BOB").outcome());
        await().atMost(WAIT).until(() -> bob.lines().equals(List.of("paged by alice")));

        ignoring.add("bob>alice");
        assertEquals(Messenger.Page.Outcome.PAGED, one.page("alice", "bob").outcome(), "the sender is not told");
        one.send("alice", "bob", "ignored").join();
        two.page("bob", "alice");
        Recorded alice = connect(two, "alice");
        two.page("bob", "alice"); // a marker: bus order puts it after everything above
        await().atMost(WAIT).until(() -> alice.lines().contains("paged by bob"));
        assertEquals(List.of("paged by alice"), bob.lines(), "neither the page nor the DM reached bob");
        assertEquals(0, store.countWaiting("bob"), "an ignored DM is not kept");
    }

    @Test
    void aPageToSomeoneNowhereOnlineSaysSo() {
        connect(one, "alice");
        assertEquals(Messenger.Page.Outcome.NOT_ONLINE, one.page("alice", "bob").outcome());
        assertTrue(store.waiting("bob", java.util.Optional.empty(), 10).isEmpty());
    }
}
