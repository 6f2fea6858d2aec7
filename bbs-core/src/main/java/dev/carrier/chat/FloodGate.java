package dev.carrier.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * A token bucket per user (across all their connections): holds a burst and refills one token
 * per interval. Memory is bounded: a bucket not touched for as long as it takes to refill
 * completely is forgotten (a fresh one is the same full bucket), and at most
 * {@link #MAX_USERS} are kept at once.
 *
 * <p>Thread rule: any thread; each bucket is updated under its own monitor.
 */
public final class FloodGate {

    static final int MAX_USERS = 100_000;

    private final int burst;
    private final long intervalNanos;
    private final Clock clock;
    private final Cache<String, Bucket> buckets;

    private static final class Bucket {
        double tokens;
        long lastNanos;
    }

    /** A gate of {@code burst} tokens and one more per {@code interval}; a burst of 0 lets everything pass. */
    public FloodGate(int burst, Duration interval, Clock clock) {
        if (burst > 0 && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("flood interval must be positive, got " + interval);
        }
        this.burst = burst;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
        this.buckets = Caffeine.newBuilder()
                .ticker(() -> nanos(clock))
                .expireAfterAccess(interval.multipliedBy(Math.max(1, burst)))
                .maximumSize(MAX_USERS)
                .build();
    }

    /** The chat's gate: its burst and interval ({@code --flood-burst}, {@code --flood-interval}). */
    public FloodGate(ChatConfig config, Clock clock) {
        this(config.floodBurst(), config.floodInterval(), clock);
    }

    /** True when the user may send now (and it is counted); false means slow down. */
    public boolean tryPass(String handle) {
        if (burst <= 0) return true;
        long now = nanos(clock);
        Bucket bucket = bucket(handle, now);
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens < 1) return false;
            bucket.tokens -= 1;
            return true;
        }
    }

    /** How long until the user may send again; zero when they may now. Counts nothing. */
    public Duration retryAfter(String handle) {
        if (burst <= 0) return Duration.ZERO;
        long now = nanos(clock);
        Bucket bucket = buckets.getIfPresent(key(handle));
        if (bucket == null) return Duration.ZERO;
        synchronized (bucket) {
            refill(bucket, now);
            return bucket.tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) ((1 - bucket.tokens) * intervalNanos));
        }
    }

    private Bucket bucket(String handle, long now) {
        return buckets.get(key(handle), k -> {
            Bucket fresh = new Bucket();
            fresh.tokens = burst;
            fresh.lastNanos = now;
            return fresh;
        });
    }

    private void refill(Bucket bucket, long now) {
        bucket.tokens = Math.min(burst, bucket.tokens + (double) (now - bucket.lastNanos) / intervalNanos);
        bucket.lastNanos = now;
    }

    /** Buckets held now; for tests of the memory bound. */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private static long nanos(Clock clock) {
        return clock.millis() * 1_000_000L;
    }

    private static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }
}
