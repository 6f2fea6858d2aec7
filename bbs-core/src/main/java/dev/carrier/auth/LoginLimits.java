package dev.carrier.auth;

import java.time.Duration;

/**
 * How much password guessing {@link LoginThrottle} lets through, on three budgets. Every login,
 * over every transport, spends from all three before its password is hashed.
 *
 * @param pairFreeFailures  failures one address may make at one handle before waits begin
 * @param pairFirstDelay    the wait after those; it doubles with each further failure
 * @param pairMaxDelay      the longest such wait
 * @param addressFailures   failures one address (an IPv6 /64) may make at all handles together
 *                          within {@code addressWindow}; spent evenly, one more comes back every
 *                          {@code addressWindow / addressFailures}
 * @param addressWindow     see above
 * @param handleFailures    the ceiling of failures at one handle from all addresses together
 *                          within {@code handleWindow}, after which the handle is under attack
 * @param handleWindow      see above
 * @param strangerTries     while a handle is under attack: tries per {@code handleWindow} left
 *                          to addresses that have not failed at it (where its owner may be)
 * @param trustedFor        an address the handle logged in from passes the handle's ceiling for this long
 * @param forgetAfter       quiet time after which a key's failures are forgotten
 * @param maxKeys           entries each budget keeps at most, so guessing costs bounded memory
 */
public record LoginLimits(
        int pairFreeFailures, Duration pairFirstDelay, Duration pairMaxDelay,
        int addressFailures, Duration addressWindow,
        int handleFailures, Duration handleWindow, int strangerTries,
        Duration trustedFor, Duration forgetAfter, int maxKeys) {

    public static final int DEFAULT_PAIR_FREE_FAILURES = 5;
    public static final int DEFAULT_ADDRESS_FAILURES = 20;
    public static final int DEFAULT_HANDLE_FAILURES = 100;

    public LoginLimits {
        if (pairFreeFailures < 1 || addressFailures < 1 || handleFailures < 1 || strangerTries < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("login limits must allow at least one try and keep at least one key");
        }
    }

    /** OWASP-style defaults: 5 free per handle and address, 20 per address per 10 minutes, 100 per handle per hour. */
    public static LoginLimits defaults() {
        return new LoginLimits(DEFAULT_PAIR_FREE_FAILURES, Duration.ofSeconds(1), Duration.ofMinutes(5),
                DEFAULT_ADDRESS_FAILURES, Duration.ofMinutes(10),
                DEFAULT_HANDLE_FAILURES, Duration.ofHours(1), 10,
                Duration.ofDays(30), Duration.ofHours(1), 10_000);
    }

    /** The three budgets a sysop sets; the waits, windows and memory bound stay as they are. */
    public LoginLimits withBudgets(int freeFailures, int perAddress, int perHandle) {
        return new LoginLimits(freeFailures, pairFirstDelay, pairMaxDelay, perAddress, addressWindow,
                perHandle, handleWindow, strangerTries, trustedFor, forgetAfter, maxKeys);
    }
}
