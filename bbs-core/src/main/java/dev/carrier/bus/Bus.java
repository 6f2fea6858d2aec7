package dev.carrier.bus;

import java.util.function.Consumer;

/**
 * Where chat lines and presence changes fan out. The default is in-process; a cluster of
 * Carrier servers would share one through an existing broker. What crosses it is a
 * {@link BusMessage}: records of plain values, so they serialise.
 *
 * <p>Every subscriber sees every message in the same order. Subscribers are called on the
 * publisher's thread and must only hand work on (to a mailbox, an executor), never block.
 */
public interface Bus {

    void publish(BusMessage message);

    Subscription subscribe(Consumer<BusMessage> subscriber);

    @FunctionalInterface
    interface Subscription {
        void cancel();
    }
}
