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

    private final Viewer viewer;
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
    private boolean hangingUp;
    private boolean scheduled;
    private volatile boolean cancelled;

    Forwarder(Viewer viewer, ReaderBudget budget) {
        this.viewer = viewer;
        this.budgetBytes = budget.bytes();
        this.maxDelayMillis = budget.maxDelay().toMillis();
        this.hangUpAfterMillis = budget.hangUpAfter().toMillis();
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

    /** Writes queued lines while the viewer's transport takes them; runs on the viewer's executor. */
    void drain() {
        while (!cancelled) {
            if (hangUpIfDue()) return;
            if (!viewer.writable()) {
                viewer.whenWritable(this::drain);
                return;
            }
            Delivery next;
            int dropped;
            synchronized (queue) {
                dropped = missed;
                missed = 0;
                next = queue.poll();
                if (next == null && dropped == 0) {
                    scheduled = false;
                    return;
                }
                if (next != null) {
                    queuedBytes -= next.cost();
                    took = true;
                }
            }
            if (dropped > 0) viewer.missed(dropped);
            if (next != null) viewer.show(next.event(), next.text());
        }
    }

    private boolean hangUpIfDue() {
        int dropped;
        synchronized (queue) {
            if (!hangingUp || cancelled) return false;
            cancelled = true;
            dropped = missed;
            missed = 0;
        }
        viewer.hangUp(dropped, Duration.ofMillis(hangUpAfterMillis));
        return true;
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
