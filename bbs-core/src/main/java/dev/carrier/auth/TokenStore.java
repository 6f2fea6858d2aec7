package dev.carrier.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * Where {@link Tokens} keeps the hashes of live tokens. Methods block on the database: call them
 * from the worker pool.
 */
public interface TokenStore {

    /** A kept token: whose it is, and when it ends. */
    record Held(long userId, Instant expiresAt) {}

    void add(String tokenHash, long userId, Instant createdAt, Instant expiresAt);

    /** The token with this hash, if it is kept and ends after {@code now}. */
    Optional<Held> live(String tokenHash, Instant now);

    void remove(String tokenHash);

    /** Removes every token of the user; how many there were. */
    int removeAll(long userId);
}
