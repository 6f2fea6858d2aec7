package dev.carrier.chat;

import dev.carrier.bus.Bus;
import dev.carrier.bus.BusMessage;
import dev.carrier.runtime.Workers;
import dev.carrier.runtime.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the rooms and their lines. It hears the bus like the rooms do, so what it stores is what
 * the rooms delivered, in the same order; the bus may deliver on an event loop, so it only
 * queues there, and one writer at a time on the workers stores what is queued, in order, a batch
 * per transaction. Old lines go by {@link HistoryRetention} every {@link #PRUNE_EVERY} lines.
 *
 * <p>A transaction costs more than the few lines it would hold in a busy room, so writes start
 * at most every {@link #GATHER}: a lone line is stored at once, and the lines of a busy room
 * gather meanwhile and go in one. A history read first stores whatever is still waiting, so it
 * always sees every line delivered before it was asked.
 *
 * <p>Threads: the queue takes offers from any thread; {@code writing} makes sure one write task at
 * a time is queued or running, and {@code writer} that a history read's own write and that task
 * never store at once (both are on the workers, where waiting is allowed).
 */
public final class ChatArchive implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatArchive.class);
    static final int PRUNE_EVERY = 500;
    private static final int BATCH = 500;
    /** At most one write starts in this time; what comes meanwhile waits for the next. */
    static final Duration GATHER = Duration.ofMillis(20);

    /** What was kept from before: the rooms and each one's last lines. */
    public record Kept(List<RoomState> rooms, Map<RoomName, List<ChatEvent>> recent) {
        public static final Kept NOTHING = new Kept(List.of(), Map.of());
    }

    private final ChatStore store;
    private final Workers workers;
    private final Scheduler scheduler;
    private final Clock clock;
    private final HistoryRetention retention;
    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final ReentrantLock writer = new ReentrantLock();
    /** When the last write started, in the clock's milliseconds; read and set by whoever holds {@code writing}. */
    private volatile long lastWrite = Long.MIN_VALUE / 2;
    /** Under {@code writer}. */
    private int sincePrune;

    public ChatArchive(ChatStore store, Workers workers, Scheduler scheduler, Clock clock, HistoryRetention retention) {
        this.store = store;
        this.workers = workers;
        this.scheduler = scheduler;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Prunes by the retention and reads what the rooms start with. Blocks: call at wiring time,
     * before the server takes callers.
     */
    public Kept load(int scrollback) {
        store.prune(retention.lines(), clock.instant().minus(retention.age()));
        return new Kept(store.rooms(), store.recent(scrollback));
    }

    /** From now on every room change and line on the bus is stored. */
    public void attach(Bus bus) {
        bus.subscribe(this::onBus);
    }

    private void onBus(BusMessage message) {
        boolean kept = message instanceof RoomState || message instanceof RoomFounded || message instanceof ChatEvent.Public
                || message instanceof ChatEvent.Action || message instanceof ChatEvent.System;
        if (!kept || retention.lines() == 0 && message instanceof ChatEvent) return;
        queue.add(message);
        writeSoon();
    }

    private void writeSoon() {
        if (queue.isEmpty() || !writing.compareAndSet(false, true)) return;
        long wait = lastWrite + GATHER.toMillis() - clock.millis();
        if (wait > 0) {
            try {
                // The timer's thread only hands the write on to the workers.
                scheduler.schedule(Duration.ofMillis(wait), this::startWrite);
            } catch (RejectedExecutionException stopped) {
                writing.set(false); // the server is stopping: close() stores what is queued
            }
        } else {
            startWrite();
        }
    }

    /** Runs the write on the workers; called holding {@code writing}, which it gives back when done. */
    private void startWrite() {
        lastWrite = clock.millis();
        workers.run(this::writeQueued).whenComplete((done, failure) -> {
            writing.set(false);
            if (failure == null) {
                writeSoon(); // what came in after the last poll
            } else {
                // A full pool or a failed write: what is still queued goes with the next line, not in a loop now.
                log.warn("chat history: {}", failure.toString());
            }
        });
    }

    /** Stores everything queued now, a batch per transaction; on a worker. */
    private void writeQueued() {
        writer.lock();
        try {
            List<Object> batch = new ArrayList<>();
            do {
                batch.clear();
                Object next;
                while (batch.size() < BATCH && (next = queue.poll()) != null) batch.add(next);
                if (batch.isEmpty()) return;
                store.write(batch);
                sincePrune += (int) batch.stream().filter(ChatEvent.class::isInstance).count();
                if (sincePrune >= PRUNE_EVERY) {
                    sincePrune = 0;
                    store.prune(retention.lines(), clock.instant().minus(retention.age()));
                }
            } while (batch.size() == BATCH);
        } finally {
            writer.unlock();
        }
    }

    /** Stores what is still waiting, here and now: the server is stopping, and its timer may be gone. */
    @Override
    public void close() {
        writeQueued();
    }

    /**
     * Up to {@code limit} lines of the room before line {@code beforeId}, oldest first; on a worker,
     * after storing what is still waiting.
     */
    public CompletableFuture<List<HistoryLine>> before(RoomName room, long beforeId, int limit) {
        return workers.submit(() -> {
            writeQueued();
            return store.before(room, beforeId, limit);
        });
    }
}
