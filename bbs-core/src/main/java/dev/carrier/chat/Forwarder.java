package dev.carrier.chat;

import dev.carrier.terminal.SharedText;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * One viewer's subscription to the room: a mailbox held to a {@link ReaderBudget} and the drain
 * that empties it on the viewer's executor as fast as its transport takes bytes. A reader that
 * keeps up never loses a line. Past the budget's bytes, or when its oldest waiting line is older
 * than the budget's delay, the oldest lines are dropped and counted, so the reader is caught up
 * from the newest; one that takes nothing for the budget's hang-up time is hung up on. So a
 * reader who never reads costs a bounded amount of memory and never slows anyone else.
 *
 * <p>The mailbox holds references to lines shared by every viewer (each encoded once per output
 * form), so what it costs its reader is one reference per waiting line, at most
 * {@code bytes / MIN_LINE_COST} of them.
 *
 * <p>{@link #offer} is called by the room under its lock; the drain runs on the viewer's
 * executor; the small queue lock is the only thing they share. Times are the room clock's
 * milliseconds, read once per line by the room, not once per viewer.
 */
final class Forwarder {

    /**
     * One room line as every viewer gets it: made once per line.
     *
     * @param cost     what it counts against a reader's budget ({@link ReaderBudget#cost})
     * @param queuedAt when the room handed it out, in the room clock's milliseconds
     */
    record Delivery(ChatEvent event, SharedText text, int cost, long queuedAt) {

        static Delivery of(ChatEvent event, SharedText text, long queuedAt) {
            return new Delivery(event, text, ReaderBudget.cost(text.text().getBytes(StandardCharsets.UTF_8).length),
                    queuedAt);
        }
    }

    /** Lines taken from the queue under one lock. */
    private static final int BATCH = 64;

    private final Viewer viewer;
    private final ChatCounters counters;
    private final String handle;
    private final long budgetBytes;
    private final long maxDelayMillis;
    private final long hangUpAfterMillis;
    private final ArrayDeque<Delivery> queue = new ArrayDeque<>();
    private long queuedBytes;
    private int missed;
    /** The drain took a line since the last offer looked. */
    private boolean took;
    /** When the reader was last seen taking lines (or having none waiting). */
    private long progressAt;
    /** Set by the room under the lock; read by the drain without it, which then takes the lock. */
    private volatile boolean hangingUp;
    private boolean scheduled;
    /** The lines a drain has taken and not yet shown; only the drain touches it. */
    private final Delivery[] batch = new Delivery[BATCH];
    private volatile boolean cancelled;

    Forwarder(Viewer viewer, ReaderBudget budget, String handle, ChatCounters counters) {
        this.viewer = viewer;
        this.budgetBytes = budget.bytes();
        this.maxDelayMillis = budget.maxDelay().toMillis();
        this.hangUpAfterMillis = budget.hangUpAfter().toMillis();
        this.handle = handle;
        this.counters = counters;
    }

    /** Whose screen this is, for /ignore. */
    String handle() {
        return handle;
    }

    /**
     * Queues a line; true when the viewer's drain must be started (it was idle, or the reader is
     * to be hung up on), which the caller does once per executor for many forwarders at a time.
     */
    boolean offer(Delivery delivery) {
        synchronized (queue) {
            if (cancelled || hangingUp) return false;
            long now = delivery.queuedAt();
            if (queue.isEmpty() || took) {
                took = false;
                progressAt = now;
            } else if (now - progressAt >= hangUpAfterMillis) {
                hangingUp = true;
                missed += queue.size();
                queue.clear();
                queuedBytes = 0;
                scheduled = true;
                return true;
            }
            queue.add(delivery);
            queuedBytes += delivery.cost();
            // The newest line always stays: the reader is caught up from it.
            while (queue.size() > 1
                    && (queuedBytes > budgetBytes || now - queue.peek().queuedAt() > maxDelayMillis)) {
                queuedBytes -= queue.poll().cost();
                missed++;
            }
            boolean schedule = !scheduled;
            scheduled = true;
            return schedule;
        }
    }

    Executor executor() {
        return viewer.executor();
    }

    /**
     * Writes queued lines while the viewer's transport takes them; runs on the viewer's executor.
     * Lines leave the queue a batch at a time, so the lock is taken once per batch rather than
     * once per line; a line the transport would not take goes back to the head of the queue.
     */
    void drain() {
        while (!cancelled) {
            if (hangingUp) {
                hangUp();
                return;
            }
            if (!viewer.writable()) {
                viewer.whenWritable(this::drain);
                return;
            }
            int taken = 0;
            int dropped;
            synchronized (queue) {
                dropped = missed;
                missed = 0;
                Delivery next;
                while (taken < batch.length && (next = queue.poll()) != null) {
                    batch[taken++] = next;
                    queuedBytes -= next.cost();
                }
                if (taken == 0 && dropped == 0) {
                    scheduled = false;
                    return;
                }
                if (taken > 0) took = true;
            }
            if (dropped > 0) {
                counters.missed(dropped);
                viewer.missed(dropped);
            }
            for (int i = 0; i < taken; i++) {
                if (i > 0 && !viewer.writable()) {
                    putBack(i, taken);
                    break;
                }
                viewer.show(batch[i].event(), batch[i].text());
                batch[i] = null;
            }
        }
    }

    /** Returns the untaken part of a batch to the head of the queue, in order. */
    private void putBack(int from, int to) {
        synchronized (queue) {
            for (int i = to - 1; i >= from; i--) {
                if (!cancelled) {
                    queue.addFirst(batch[i]);
                    queuedBytes += batch[i].cost();
                }
                batch[i] = null;
            }
        }
    }

    private void hangUp() {
        int dropped;
        synchronized (queue) {
            if (cancelled) return;
            cancelled = true;
            dropped = missed;
            missed = 0;
        }
        viewer.hangUp(dropped, Duration.ofMillis(hangUpAfterMillis));
    }

    /** Stops delivery at once; what was queued is dropped. */
    public void cancel() {
        synchronized (queue) {
            cancelled = true;
            queue.clear();
            queuedBytes = 0;
        }
    }
}
