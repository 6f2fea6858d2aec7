package dev.carrier.chat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carrier.bus.Bus;
import dev.carrier.bus.LinkedBuses;
import dev.carrier.runtime.ThreadScheduler;
import dev.carrier.runtime.Workers;
import dev.carrier.store.OnEveryDialect;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two servers' archives writing one database: every line once, in the order the stream delivered. */
class SharedArchiveTest extends OnEveryDialect {

    private static final int LINES = 300;

    private final LinkedBuses link = new LinkedBuses();
    private final List<Workers> pools = new ArrayList<>();
    private final List<ThreadScheduler> timers = new ArrayList<>();
    private final RoomName games = new RoomName("games");

    /** A store that counts the lines handed to it, so the test knows when a server has written them all. */
    private static final class Counting implements ChatStore {
        final ChatStore store;
        final AtomicInteger lines = new AtomicInteger();

        Counting(ChatStore store) {
            this.store = store;
        }

        @Override
        public List<RoomState> rooms() {
            return store.rooms();
        }

        @Override
        public Map<RoomName, List<ChatEvent>> recent(int perRoom) {
            return store.recent(perRoom);
        }

        @Override
        public void write(List<Object> changes) {
            store.write(changes);
            lines.addAndGet((int) changes.stream().filter(ChatEvent.class::isInstance).count());
        }

        @Override
        public List<HistoryLine> before(RoomName room, long beforeId, int limit) {
            return store.before(room, beforeId, limit);
        }

        @Override
        public int prune(int keep, Instant olderThan) {
            return store.prune(keep, olderThan);
        }
    }

    private Counting server(Bus bus) {
        Workers workers = new Workers(2, 10_000);
        pools.add(workers);
        Counting store = new Counting(new SqliteChatStore(db, Clock.systemUTC(), true));
        ThreadScheduler timer = new ThreadScheduler();
        timers.add(timer);
        new ChatArchive(store, workers, timer, Clock.systemUTC(), HistoryRetention.defaults()).attach(bus);
        return store;
    }

    @AfterEach
    void stop() {
        timers.forEach(ThreadScheduler::close);
        pools.forEach(Workers::close);
    }

    @Test
    void everyLineIsKeptOnceInTheDeliveredOrder() {
        Bus a = link.add();
        Bus b = link.add();
        Counting first = server(a);
        Counting second = server(b);
        List<ChatEvent> said = new ArrayList<>();
        a.subscribe(message -> {
            if (message instanceof ChatEvent.Public line) said.add(line);
        });

        a.publish(new RoomState(games, Optional.of("alice"), "dice", false, Set.of()));
        Instant start = Instant.now();
        for (int i = 0; i < LINES; i++) {
            // The same words at the same millisecond from two people are two lines, and both are kept.
            Bus from = i % 2 == 0 ? a : b;
            from.publish(new ChatEvent.Public(games, i % 2 == 0 ? "alice" : "bob", "line " + i / 2,
                    start.plusNanos(i / 2 * 1_000L)));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> first.lines.get() == LINES && second.lines.get() == LINES);
        List<ChatEvent> kept = first.before(games, Long.MAX_VALUE, LINES * 2).stream().map(HistoryLine::event).toList();
        assertEquals(LINES, kept.size());
        assertEquals(said.stream().map(this::asStored).toList(), kept);
        assertEquals(List.of(new RoomState(games, Optional.of("alice"), "dice", false, Set.of())), first.rooms());
    }

    /** A line as the history gives it back: moments to the millisecond. */
    private ChatEvent asStored(ChatEvent event) {
        ChatEvent.Public line = (ChatEvent.Public) event;
        return new ChatEvent.Public(line.room(), line.from(), line.text(),
                dev.carrier.store.Timestamps.stored(line.at()));
    }
}
