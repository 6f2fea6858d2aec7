package dev.carrier.chat;

import dev.carrier.terminal.SharedText;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * One viewer's subscription to the room: a bounded mailbox and the drain that empties it on
 * the viewer's executor as fast as its transport takes bytes. A full mailbox drops its oldest
 * line and counts it, so a reader who never reads costs a bounded amount of memory and never
 * slows anyone else.
 *
 * <p>{@link #offer} is called by the room under its lock; the drain runs on the viewer's
 * executor; the small queue lock is the only thing they share.
 */
final class Forwarder {

    record Delivery(ChatEvent event, SharedText text) {}

    private final Viewer viewer;
    private final int capacity;
    private final ChatCounters counters;
    private final String handle;
    private final ArrayDeque<Delivery> queue = new ArrayDeque<>();
    private int missed;
    private boolean scheduled;
    private volatile boolean cancelled;

    Forwarder(Viewer viewer, int capacity, String handle, ChatCounters counters) {
        this.viewer = viewer;
        this.capacity = capacity;
        this.handle = handle;
        this.counters = counters;
    }

    /** Whose screen this is, for /ignore. */
    String handle() {
        return handle;
    }

    /**
     * Queues a line; true when the viewer's drain must be started (it was idle), which the
     * caller does once per executor for many forwarders at a time.
     */
    boolean offer(Delivery delivery) {
        boolean schedule;
        synchronized (queue) {
            if (cancelled) return false;
            if (queue.size() >= capacity) {
                queue.poll();
                missed++;
            }
            queue.add(delivery);
            schedule = !scheduled;
            scheduled = true;
        }
        return schedule;
    }

    Executor executor() {
        return viewer.executor();
    }

    /** Writes queued lines while the viewer's transport takes them; runs on the viewer's executor. */
    void drain() {
        while (!cancelled) {
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
            }
            if (dropped > 0) {
                counters.missed(dropped);
                viewer.missed(dropped);
            }
            if (next != null) viewer.show(next.event(), next.text());
        }
    }

    /** Stops delivery at once; what was queued is dropped. */
    public void cancel() {
        synchronized (queue) {
            cancelled = true;
            queue.clear();
        }
    }
}
