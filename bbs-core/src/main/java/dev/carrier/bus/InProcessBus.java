package dev.carrier.bus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus of a single server. Publishing is serialised by one lock, so that every subscriber
 * sees messages in one order; subscribers only enqueue, so the lock is held briefly.
 */
public final class InProcessBus implements Bus {

    private static final Logger log = LoggerFactory.getLogger(InProcessBus.class);

    private final List<Consumer<BusMessage>> subscribers = new CopyOnWriteArrayList<>();
    private final Object order = new Object();

    @Override
    public void publish(BusMessage message) {
        synchronized (order) {
            for (Consumer<BusMessage> subscriber : subscribers) {
                try {
                    subscriber.accept(message);
                } catch (RuntimeException e) {
                    log.warn("bus subscriber failed on {}", message, e);
                }
            }
        }
    }

    @Override
    public Subscription subscribe(Consumer<BusMessage> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }
}
