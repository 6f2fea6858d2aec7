package dev.carrier.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every delivery's send-to-receive time, kept whole so the percentiles are exact. Lines sent
 * before it was made (an earlier run's, shown again as a room's scrollback) are not counted.
 */
final class Latencies {

    private final long[] nanos;
    private final long notBefore = System.nanoTime();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong lastArrival = new AtomicLong();

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    void record(long sentNanos, long receivedNanos) {
        if (sentNanos < notBefore) return;
        int index = count.getAndIncrement();
        if (index < nanos.length) nanos[index] = receivedNanos - sentNanos;
        lastArrival.accumulateAndGet(receivedNanos, Math::max);
    }

    int count() {
        return count.get();
    }

    long lastArrival() {
        return lastArrival.get();
    }

    /** Sorted copy of what was recorded. */
    long[] sorted() {
        long[] copy = Arrays.copyOf(nanos, Math.min(count.get(), nanos.length));
        Arrays.sort(copy);
        return copy;
    }

    static double percentileMillis(long[] sorted, double percentile) {
        if (sorted.length == 0) return Double.NaN;
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1_000_000.0;
    }
}
