package dev.carrier.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.carrier.user.HandleRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Slows password guessing on every way in (telnet, the web terminal, REST), on three budgets
 * (see {@link LoginLimits}): per handle and address, per address, and a ceiling per handle.
 *
 * <p>A login first {@link #reserve reserves} its try, before any hashing, so tries still in
 * flight count: 200 guesses sent at once get no more than the budget allows. The reservation
 * then ends in one of three ways: {@link Reservation#succeeded} gives back what it spent and
 * forgets the pair's failures (and trusts the pair), {@link Reservation#failed} makes the spend
 * a counted failure, {@link Reservation#cancelled} gives it back (the password was never checked).
 *
 * <p>A handle past its ceiling is under attack from many addresses; addresses it logged in from
 * before pass the ceiling (they only meet their own budgets), and addresses that have not failed
 * at it share a small allowance, so its owner is slowed at worst, not locked out.
 *
 * <p>Thread-safe: each budget is a Caffeine cache whose entries are immutable values replaced
 * atomically per key; the caches are bounded in count and expire after quiet, and keys are
 * capped in length, so guessing costs bounded memory.
 */
public final class LoginThrottle {

    /** What {@link #reserve} answers: a reservation to settle, or how long to wait. */
    public sealed interface Admission permits Reservation, Refused {}

    /** Not now: try again after {@code retryAfter}; nothing was spent. */
    public record Refused(Duration retryAfter) implements Admission {}

    /** Failures of one address at one handle, and tries of theirs still in flight. */
    private record Pair(int failures, int inFlight, Instant lastFailure) {}

    /**
     * A budget spent evenly over a window (the generic cell rate algorithm): {@code due} is when
     * the budget would be whole again; each try moves it on by one interval.
     */
    private record Rate(Instant due) {}

    private final LoginLimits limits;
    private final Clock clock;
    private final Cache<String, Pair> pairs;
    private final Cache<String, Rate> addresses;
    private final Cache<String, Rate> handles;
    private final Cache<String, Rate> strangers;
    private final Cache<String, Boolean> trusted;

    public LoginThrottle(LoginLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        pairs = cache(limits.forgetAfter());
        addresses = cache(limits.forgetAfter().compareTo(limits.addressWindow()) > 0
                ? limits.forgetAfter() : limits.addressWindow());
        handles = cache(limits.handleWindow());
        strangers = cache(limits.handleWindow());
        trusted = Caffeine.newBuilder().maximumSize(limits.maxKeys()).expireAfterWrite(limits.trustedFor())
                .executor(Runnable::run).build();
    }

    private <V> Cache<String, V> cache(Duration quiet) {
        // Expiry is only a memory bound: every value also carries its own times, read against the clock.
        return Caffeine.newBuilder().maximumSize(limits.maxKeys()).expireAfterAccess(quiet)
                .executor(Runnable::run).build();
    }

    /**
     * Spends one try of {@code handle} from {@code address} on every budget, or spends nothing
     * and says how long to wait. A handle that cannot be one ({@link HandleRules}) is only
     * counted against the address.
     */
    public Admission reserve(String handle, String address) {
        Instant now = clock.instant();
        String from = AddressKey.of(address);
        Optional<String> who = handleKey(handle);
        Optional<String> pair = who.map(h -> h + " " + from);

        if (pair.isPresent()) {
            Optional<Duration> wait = reservePair(pair.get(), now);
            if (wait.isPresent()) return new Refused(wait.get());
        }
        Optional<Duration> addressWait = spend(addresses, from, limits.addressFailures(), limits.addressWindow(), now);
        if (addressWait.isPresent()) {
            pair.ifPresent(key -> settlePair(key, now, false, false));
            return new Refused(addressWait.get());
        }
        Spent spent = Spent.NOTHING;
        if (who.isPresent() && trusted.getIfPresent(pair.get()) == null) {
            Optional<Duration> handleWait = spend(handles, who.get(), limits.handleFailures(), limits.handleWindow(), now);
            spent = Spent.HANDLE;
            if (handleWait.isPresent()) {
                // Under attack: only an address with no failures here may try, from a small allowance.
                Optional<Duration> strangerWait = hasFailed(pair.get()) ? handleWait
                        : spend(strangers, who.get(), limits.strangerTries(), limits.handleWindow(), now);
                spent = Spent.STRANGER;
                if (strangerWait.isPresent()) {
                    settlePair(pair.get(), now, false, false);
                    refund(addresses, from, limits.addressFailures(), limits.addressWindow());
                    return new Refused(shorter(handleWait.get(), strangerWait.get()));
                }
            }
        }
        return new Reservation(who, from, pair, spent);
    }

    private enum Spent { NOTHING, HANDLE, STRANGER }

    /** One reserved try; settle it exactly once (later calls do nothing). */
    public final class Reservation implements Admission {
        private final Optional<String> handle;
        private final String address;
        private final Optional<String> pair;
        private final Spent spent;
        private final AtomicBoolean settled = new AtomicBoolean();

        private Reservation(Optional<String> handle, String address, Optional<String> pair, Spent spent) {
            this.handle = handle;
            this.address = address;
            this.pair = pair;
            this.spent = spent;
        }

        /** Whether the handle can be one at all; when not, no password can match it. */
        public boolean handleCanExist() {
            return handle.isPresent();
        }

        /** The password was right: this try costs nothing, the pair's failures are forgotten and the pair trusted. */
        public void succeeded() {
            if (!settled.compareAndSet(false, true)) return;
            pair.ifPresent(key -> {
                settlePair(key, clock.instant(), false, true);
                trusted.put(key, Boolean.TRUE);
            });
            giveBack();
        }

        /** The password was wrong: the try counts as a failure on every budget. */
        public void failed() {
            if (!settled.compareAndSet(false, true)) return;
            pair.ifPresent(key -> settlePair(key, clock.instant(), true, false));
        }

        /** The password was never checked (the server was busy): the try costs nothing. */
        public void cancelled() {
            if (!settled.compareAndSet(false, true)) return;
            pair.ifPresent(key -> settlePair(key, clock.instant(), false, false));
            giveBack();
        }

        private void giveBack() {
            refund(addresses, address, limits.addressFailures(), limits.addressWindow());
            switch (spent) {
                case HANDLE -> refund(handles, handle.orElseThrow(), limits.handleFailures(), limits.handleWindow());
                case STRANGER -> refund(strangers, handle.orElseThrow(), limits.strangerTries(), limits.handleWindow());
                case NOTHING -> { }
            }
        }
    }

    // ---- per handle and address: free tries, then waits that double --------------------------

    private Optional<Duration> reservePair(String key, Instant now) {
        Duration[] wait = new Duration[1];
        pairs.asMap().compute(key, (k, seen) -> {
            Pair pair = fresh(seen, now);
            int used = pair.failures() + pair.inFlight();
            if (used >= limits.pairFreeFailures()) {
                if (pair.inFlight() > 0) {
                    wait[0] = limits.pairFirstDelay(); // one try at a time once the free ones are spent
                    return seen;
                }
                Instant ready = pair.lastFailure().plus(delayAfter(pair.failures() - limits.pairFreeFailures()));
                if (now.isBefore(ready)) {
                    wait[0] = Duration.between(now, ready);
                    return seen;
                }
            }
            return new Pair(pair.failures(), pair.inFlight() + 1, pair.lastFailure());
        });
        return Optional.ofNullable(wait[0]);
    }

    private Pair fresh(Pair seen, Instant now) {
        if (seen == null) return new Pair(0, 0, now);
        boolean quiet = Duration.between(seen.lastFailure(), now).compareTo(limits.forgetAfter()) > 0;
        return quiet && seen.inFlight() == 0 ? new Pair(0, 0, now) : seen;
    }

    private Duration delayAfter(int extraFailures) {
        Duration delay = limits.pairFirstDelay().multipliedBy(1L << Math.min(20, Math.max(0, extraFailures)));
        return delay.compareTo(limits.pairMaxDelay()) > 0 ? limits.pairMaxDelay() : delay;
    }

    private void settlePair(String key, Instant now, boolean failure, boolean forgive) {
        pairs.asMap().computeIfPresent(key, (k, pair) -> {
            int inFlight = Math.max(0, pair.inFlight() - 1);
            if (forgive) return inFlight == 0 ? null : new Pair(0, inFlight, pair.lastFailure());
            if (failure) return new Pair(pair.failures() + 1, inFlight, now);
            return pair.failures() == 0 && inFlight == 0 ? null : new Pair(pair.failures(), inFlight, pair.lastFailure());
        });
    }

    private boolean hasFailed(String pair) {
        Pair seen = pairs.getIfPresent(pair);
        return seen != null && seen.failures() > 0;
    }

    // ---- budgets spent evenly over a window ------------------------------------------------------

    private static Optional<Duration> spend(Cache<String, Rate> budget, String key, int tries, Duration window, Instant now) {
        Duration interval = window.dividedBy(tries);
        Duration[] wait = new Duration[1];
        budget.asMap().compute(key, (k, rate) -> {
            Instant due = (rate == null || rate.due().isBefore(now) ? now : rate.due()).plus(interval);
            Duration ahead = Duration.between(now, due);
            if (ahead.compareTo(window) > 0) {
                wait[0] = ahead.minus(window);
                return rate;
            }
            return new Rate(due);
        });
        return Optional.ofNullable(wait[0]);
    }

    private static void refund(Cache<String, Rate> budget, String key, int tries, Duration window) {
        Duration interval = window.dividedBy(tries);
        budget.asMap().computeIfPresent(key, (k, rate) -> new Rate(rate.due().minus(interval)));
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A handle's key: lower case, and only for text shaped like a handle, so keys stay short. */
    static Optional<String> handleKey(String handle) {
        if (handle == null || HandleRules.shapeProblem(handle.strip()).isPresent()) return Optional.empty();
        return Optional.of(handle.strip().toLowerCase(Locale.ROOT));
    }

    /** Entries kept now over all budgets (after pending evictions): for tests of the memory bound. */
    long keys() {
        for (Cache<String, ?> cache : java.util.List.of(pairs, addresses, handles, strangers, trusted)) cache.cleanUp();
        return pairs.estimatedSize() + addresses.estimatedSize() + handles.estimatedSize() + strangers.estimatedSize()
                + trusted.estimatedSize();
    }
}
