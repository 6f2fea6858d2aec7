package dev.carrier.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Time that tests move by hand: a clock and a scheduler that runs due tasks when
 * {@link #advance} passes their time, on the caller's thread.
 */
public final class ManualTime extends Clock implements Scheduler {

    private Instant now;
    private final List<Task> tasks = new ArrayList<>();
    private long sequence;

    private final class Task implements Cancellable {
        final Instant due;
        final long order = sequence++;
        final Runnable action;
        boolean cancelled;

        Task(Instant due, Runnable action) {
            this.due = due;
            this.action = action;
        }

        @Override
        public void cancel() {
            synchronized (ManualTime.this) {
                cancelled = true;
            }
        }
    }

    public ManualTime(Instant start) {
        this.now = start;
    }

    public ManualTime() {
        this(Instant.parse("2026-01-01T12:00:00Z"));
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task scheduled = new Task(now.plus(delay), task);
        tasks.add(scheduled);
        return scheduled;
    }

    /** Tasks scheduled and neither run nor cancelled. */
    public synchronized int pending() {
        return (int) tasks.stream().filter(t -> !t.cancelled).count();
    }

    /** Moves time on, running every task that falls due, in time order. */
    public void advance(Duration by) {
        Instant target;
        synchronized (this) {
            target = now.plus(by);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> !t.cancelled && !t.due.isAfter(target))
                        .min(Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.order)).orElse(null);
                if (next == null) {
                    now = target;
                    tasks.removeIf(t -> t.cancelled);
                    return;
                }
                tasks.remove(next);
                if (next.due.isAfter(now)) now = next.due;
            }
            next.action.run();
        }
    }
}
