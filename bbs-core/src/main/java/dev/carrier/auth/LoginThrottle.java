package dev.carrier.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing where there is no connection to hang up (the JSON API): after
 * each failure for the same key (an address, a handle) the next try must wait twice as long as
 * the last, up to a cap; a success or an hour of quiet forgets it.
 */
public final class LoginThrottle {

    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final Duration MAX_DELAY = Duration.ofMinutes(5);

    private final Clock clock;
    private final Duration firstDelay;
    private final int freeTries;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    private record Failures(int count, Instant last) {}

    /**
     * @param freeTries  failures allowed before any wait (telnet hangs up after 3)
     * @param firstDelay the wait after the first failure past them; it doubles after each
     */
    public LoginThrottle(Clock clock, int freeTries, Duration firstDelay) {
        this.clock = clock;
        this.freeTries = freeTries;
        this.firstDelay = firstDelay;
    }

    /** How long the key must still wait before another try; zero when it may try now. */
    public Duration wait(String key) {
        Failures seen = failures.get(normal(key));
        Instant now = clock.instant();
        if (seen == null) return Duration.ZERO;
        if (Duration.between(seen.last(), now).compareTo(FORGET_AFTER) > 0) {
            failures.remove(normal(key), seen);
            return Duration.ZERO;
        }
        if (seen.count() < freeTries) return Duration.ZERO;
        Duration delay = firstDelay.multipliedBy(1L << Math.min(20, seen.count() - freeTries));
        if (delay.compareTo(MAX_DELAY) > 0) delay = MAX_DELAY;
        Duration left = Duration.between(now, seen.last().plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void failed(String key) {
        Instant now = clock.instant();
        failures.merge(normal(key), new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
    }

    public void succeeded(String key) {
        failures.remove(normal(key));
    }

    private static String normal(String key) {
        return key.toLowerCase(Locale.ROOT);
    }
}
