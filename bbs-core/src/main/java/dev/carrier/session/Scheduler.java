package dev.carrier.session;

import java.time.Duration;

/** Runs a task later. An interface so that tests move time instead of sleeping. */
public interface Scheduler {

    Cancellable schedule(Duration delay, Runnable task);

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
