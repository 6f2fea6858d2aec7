package dev.carrier.bus;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands items to one consumer in the order they were offered, one at a time, without a lock
 * held while the consumer runs. Whichever thread finds nobody draining drains; the others only
 * enqueue and return. An item offered from inside the consumer (re-entrantly) is enqueued and
 * handled after the current one, so a consumer that offers again never deadlocks and never
 * jumps the queue.
 *
 * <p>Thread rule: {@link #offer} from any thread. The consumer runs on whichever thread is
 * draining, never on two at once.
 */
public final class SerialDrain<T> {

    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Consumer<T> consumer;

    public SerialDrain(Consumer<T> consumer) {
        this.consumer = consumer;
    }

    /** Enqueues the item, and drains unless another thread (or an outer call on this one) is. */
    public void offer(T item) {
        queue.add(item);
        drain();
    }

    /** Enqueues without draining: for callers that hold a lock now and {@link #drain} after releasing it. */
    public void enqueue(T item) {
        queue.add(item);
    }

    /** Delivers what is queued, unless another thread is already doing so (it will see ours too). */
    public void drain() {
        while (!queue.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                T item;
                while ((item = queue.poll()) != null) consumer.accept(item);
            } finally {
                draining.set(false);
            }
            // An item added after our last poll but before the flag dropped is ours to deliver:
            // its publisher saw the flag up and left. Loop to look again.
        }
    }
}
