package dev.carrier.runtime;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The real scheduler: one daemon thread that only hands due tasks on (sessions hop to their own
 * executor; the idle check and typing expiry go to the workers), so it never does the work itself.
 */
public final class ThreadScheduler implements Scheduler, AutoCloseable {

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "carrier-timer");
        thread.setDaemon(true);
        return thread;
    });

    public ThreadScheduler() {
        // A cancelled task leaves the queue at once, and with it whatever it holds (a session, a
        // channel); otherwise it would wait there until it fell due, up to an hour.
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Tasks waiting to fall due. */
    int waiting() {
        return timer.getQueue().size();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
