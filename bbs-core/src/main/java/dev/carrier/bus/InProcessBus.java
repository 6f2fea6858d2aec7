package dev.carrier.bus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus of a single server. Messages go through one {@link SerialDrain}: every subscriber sees
 * every message in one order, one message at a time, and no lock is held while subscribers run.
 *
 * <p>Lock order (see ARCHITECTURE): the bus holds no lock while it calls subscribers, so a
 * subscriber may take its own lock, read {@code Presence}, or publish again. A message published
 * from inside a subscriber is delivered to everyone after the current message, not in the middle
 * of it. Publishing from another thread while a delivery is under way only enqueues: the message
 * is delivered by the thread already delivering, so {@link #publish} may return before the
 * subscribers have seen it. Publishers must therefore not hold a lock that a subscriber takes
 * while they publish ({@code Presence} and {@code ChatManager} publish after releasing theirs).
 */
public final class InProcessBus implements Bus {

    private static final Logger log = LoggerFactory.getLogger(InProcessBus.class);

    private final List<Consumer<BusMessage>> subscribers = new CopyOnWriteArrayList<>();
    private final SerialDrain<BusMessage> order = new SerialDrain<>(this::deliver);

    @Override
    public void publish(BusMessage message) {
        order.offer(message);
    }

    private void deliver(BusMessage message) {
        for (Consumer<BusMessage> subscriber : subscribers) {
            try {
                subscriber.accept(message);
            } catch (RuntimeException e) {
                log.warn("bus subscriber failed on {}", message, e);
            }
        }
    }

    @Override
    public Subscription subscribe(Consumer<BusMessage> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }
}
