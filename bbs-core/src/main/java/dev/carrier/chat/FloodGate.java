package dev.carrier.chat;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Flood control per user (across all their connections): a token bucket that holds a burst of
 * lines and refills one line per interval.
 */
public final class FloodGate {

    private final ChatConfig config;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long lastNanos;
    }

    public FloodGate(ChatConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** True when the user may send a line now (and it is counted); false means slow down. */
    public boolean tryPass(String handle) {
        if (!config.floodControlled()) return true;
        long now = clock.millis() * 1_000_000L;
        double perNano = 1.0 / config.floodInterval().toNanos();
        Bucket bucket = buckets.computeIfAbsent(handle.toLowerCase(Locale.ROOT), h -> {
            Bucket fresh = new Bucket();
            fresh.tokens = config.floodBurst();
            fresh.lastNanos = now;
            return fresh;
        });
        synchronized (bucket) {
            bucket.tokens = Math.min(config.floodBurst(), bucket.tokens + (now - bucket.lastNanos) * perNano);
            bucket.lastNanos = now;
            if (bucket.tokens < 1) return false;
            bucket.tokens -= 1;
            return true;
        }
    }

    /** Forgets a user who logged off, so the table does not grow forever. */
    public void forget(String handle) {
        buckets.remove(handle.toLowerCase(Locale.ROOT));
    }
}
