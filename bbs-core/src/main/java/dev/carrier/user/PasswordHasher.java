package dev.carrier.user;

import java.util.Optional;

/**
 * Turns passwords into stored hashes and checks them. Hashing is slow on purpose, tens of
 * milliseconds: every method blocks, so call them from the worker pool, never from a
 * transport's event loop. Implementations are safe to share between threads.
 */
public interface PasswordHasher {

    /**
     * A salted hash of {@code password} to store.
     *
     * @throws IllegalArgumentException when the password breaks a limit of the algorithm; check
     *     it with {@link PasswordRules} first
     */
    String hash(String password);

    /** Whether {@code password} matches {@code hash}; false, never an exception, for a malformed hash. */
    boolean verify(String password, String hash);

    /**
     * A hash of a random password, made like every other by this hasher. Verifying against it takes
     * as long as verifying against a real user's hash, so a login for a handle that does not exist
     * is not told apart by its speed. Prefer {@link #verify(String, Optional)}, which uses it.
     */
    String dummyHash();

    /**
     * Login's check: {@code password} against the stored hash when the handle exists, and
     * otherwise against {@link #dummyHash()} at the same cost, answering false. A wrong handle
     * and a wrong password thus take equal time.
     */
    default boolean verify(String password, Optional<String> storedHash) {
        boolean matches = verify(password, storedHash.orElse(dummyHash()));
        return matches && storedHash.isPresent();
    }
}
