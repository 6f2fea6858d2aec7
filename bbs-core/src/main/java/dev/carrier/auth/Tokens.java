package dev.carrier.auth;

import dev.carrier.user.User;
import dev.carrier.user.UserStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Opaque bearer tokens for JSON clients: 256 random bits, kept only as a SHA-256 with an
 * expiry. Every method blocks on the database: call from the worker pool.
 */
public final class Tokens {

    private static final int TOKEN_BYTES = 32;

    private final TokenStore store;
    private final UserStore users;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    public Tokens(TokenStore store, UserStore users, Clock clock, Duration lifetime) {
        this.store = store;
        this.users = users;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A new token for the user; the only time it exists in clear. */
    public String issue(User user) {
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        store.add(hash(token), user.id(), now, now.plus(lifetime));
        return token;
    }

    /** A live token: whose it is, and when it ends. */
    public record Grant(User user, Instant expiresAt) {}

    /** The user a live token belongs to; empty for an unknown, expired or banned one. */
    public Optional<User> authenticate(String token) {
        return grant(token).map(Grant::user);
    }

    /** As {@link #authenticate}, with the token's expiry (a connection opened with it ends then). */
    public Optional<Grant> grant(String token) {
        if (token == null || token.isBlank() || token.length() > 200) return Optional.empty();
        return store.live(hash(token), clock.instant()).flatMap(held -> users.findById(held.userId())
                .filter(user -> !user.banned()).map(user -> new Grant(user, held.expiresAt())));
    }

    /** Logout: this token ends now. */
    public void revoke(String token) {
        store.remove(hash(token));
    }

    /** Every token of the user ends now: their password changed, or they were banned. */
    public int revokeAll(long userId) {
        return store.removeAll(userId);
    }

    private static String hash(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
