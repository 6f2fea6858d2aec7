package dev.carrier.bus;

import java.util.function.Consumer;

/**
 * Where chat lines, presence changes and orders addressed to people fan out: in-process on one
 * server ({@link InProcessBus}), over NATS in a cluster (bbs-cluster's ClusterBus). What crosses it is a
 * {@link BusMessage}: records of plain values, so they serialise.
 *
 * <p>Every subscriber sees every message in the same order, one message at a time. Subscribers
 * are called on a publishing thread (not necessarily the one that published that message) with
 * no bus lock held; they must only hand work on (to a mailbox, an executor), never block. A
 * subscriber may publish: that message follows the current one. A publisher must not hold a lock
 * a subscriber takes.
 */
public interface Bus {

    void publish(BusMessage message);

    Subscription subscribe(Consumer<BusMessage> subscriber);

    /**
     * Whether what is published reaches the other servers of a cluster. Always true on a single
     * server; false while a clustered bus has lost its broker, when only this server's
     * subscribers hear what is published here.
     */
    default boolean linked() {
        return true;
    }

    @FunctionalInterface
    interface Subscription {
        void cancel();
    }
}
