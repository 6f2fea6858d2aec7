package dev.carrier.runtime;

import java.time.Duration;

/**
 * Runs a task later. An interface so that tests move time instead of sleeping.
 *
 * <p>Rule: a task given here runs on the timer's one thread and must only hand work to the
 * owner of the state it concerns (a session's executor through {@code Session.schedule}, the
 * workers for {@code Presence}'s idle check and {@code EventHub}'s typing expiry); it never fans
 * out or touches shared state itself, so one slow owner cannot hold up every timer.
 */
public interface Scheduler {

    Cancellable schedule(Duration delay, Runnable task);

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
