package dev.carrier.chat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.bus.InProcessBus;
import dev.carrier.runtime.ManualTime;
import dev.carrier.runtime.Workers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the archive stores and when: a lone line at once, a busy room's lines together, history always whole. */
class ChatArchiveTest {

    private final RoomName lobby = RoomName.LOBBY;
    private final ManualTime time = new ManualTime(Instant.parse("2026-11-30T12:00:00Z"));
    private final Workers workers = new Workers(2, 1_000);
    private final InProcessBus bus = new InProcessBus();
    /** Each write the store was given, as the lines in it. */
    private final List<List<String>> writes = new CopyOnWriteArrayList<>();
    private ChatArchive archive;

    /** A store kept in memory that remembers each write as one transaction. */
    private final class Remembering implements ChatStore {
        final List<HistoryLine> lines = new ArrayList<>();

        @Override
        public List<RoomState> rooms() {
            return List.of();
        }

        @Override
        public Map<RoomName, List<ChatEvent>> recent(int perRoom) {
            return Map.of();
        }

        @Override
        public synchronized void write(List<Object> changes) {
            List<String> texts = new ArrayList<>();
            for (Object change : changes) {
                if (change instanceof ChatEvent.Public line) {
                    lines.add(new HistoryLine(lines.size() + 1, line));
                    texts.add(line.text());
                }
            }
            writes.add(texts);
        }

        @Override
        public synchronized List<HistoryLine> before(RoomName room, long beforeId, int limit) {
            return List.copyOf(lines);
        }

        @Override
        public int prune(int keep, Instant olderThan) {
            return 0;
        }
    }

    private void open() {
        archive = new ChatArchive(new Remembering(), workers, time, time, HistoryRetention.defaults());
        archive.attach(bus);
    }

    @AfterEach
    void close() {
        workers.close();
    }

    private void say(String text) {
        bus.publish(new ChatEvent.Public(lobby, "alice", text, time.instant()));
    }

    private List<List<String>> writes() {
        return List.copyOf(writes);
    }

    @Test
    void aLoneLineIsStoredAtOnceAndABusyRoomsLinesTogetherWithinTheGatheringTime() {
        open();
        say("hello");
        await().atMost(10, TimeUnit.SECONDS).until(() -> writes().size() == 1);
        assertEquals(List.of("hello"), writes().get(0));

        for (int i = 1; i <= 50; i++) say("line " + i);
        // The first write was just now: the burst waits for the gathering time, on the timer.
        await().atMost(10, TimeUnit.SECONDS).until(() -> time.pending() == 1);
        assertEquals(1, writes().size(), "nothing more is stored before the gathering time is up");

        time.advance(ChatArchive.GATHER);
        await().atMost(10, TimeUnit.SECONDS).until(() -> writes().stream().mapToInt(List::size).sum() == 51);
        assertEquals(2, writes().size(), "the fifty lines went in one write: " + writes());
    }

    @Test
    void aHistoryReadSeesEveryLineDeliveredBeforeItEvenThoseStillGathering() throws Exception {
        open();
        say("first");
        await().atMost(10, TimeUnit.SECONDS).until(() -> writes().size() == 1);
        say("second");
        say("third");

        List<HistoryLine> read = archive.before(lobby, Long.MAX_VALUE, 10).get(10, TimeUnit.SECONDS);

        assertEquals(List.of("first", "second", "third"),
                read.stream().map(line -> ((ChatEvent.Public) line.event()).text()).toList());
        time.advance(Duration.ofSeconds(1)); // the timer's write then finds nothing left
        await().atMost(10, TimeUnit.SECONDS).until(() -> !archiveBusy());
        assertEquals(3, writes().stream().mapToInt(List::size).sum(), "each line stored once");
    }

    @Test
    void stoppingStoresWhatIsStillGathering() {
        open();
        say("first");
        await().atMost(10, TimeUnit.SECONDS).until(() -> writes().size() == 1);
        say("last words");

        archive.close();

        assertTrue(writes().stream().anyMatch(w -> w.contains("last words")), writes().toString());
    }

    private boolean archiveBusy() {
        return workers.busy() > 0 || workers.queued() > 0;
    }
}
