package dev.carrier.auth;

import dev.carrier.store.Database;
import dev.carrier.store.Timestamps;
import dev.carrier.user.User;
import dev.carrier.user.UserStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    private final Database db;
    private final UserStore users;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    public Tokens(Database db, UserStore users, Clock clock, Duration lifetime) {
        this.db = db;
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
        db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO api_tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
                s.setString(1, hash(token));
                s.setLong(2, user.id());
                s.setString(3, Timestamps.format(now));
                s.setString(4, Timestamps.format(now.plus(lifetime)));
                return s.executeUpdate();
            }
        });
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
        record Row(long userId, Instant expiresAt) {}
        Optional<Row> row = db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT user_id, expires_at FROM api_tokens WHERE token_hash = ? AND expires_at > ?")) {
                s.setString(1, hash(token));
                s.setString(2, Timestamps.format(clock.instant()));
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new Row(rs.getLong(1), Timestamps.parse(rs.getString(2))))
                            : Optional.<Row>empty();
                }
            }
        });
        return row.flatMap(found -> users.findById(found.userId()).filter(user -> !user.banned())
                .map(user -> new Grant(user, found.expiresAt())));
    }

    /** Logout: this token ends now. */
    public void revoke(String token) {
        db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM api_tokens WHERE token_hash = ?")) {
                s.setString(1, hash(token));
                return s.executeUpdate();
            }
        });
    }

    /** Every token of the user ends now: their password changed, or they were banned. */
    public int revokeAll(long userId) {
        return db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM api_tokens WHERE user_id = ?")) {
                s.setLong(1, userId);
                return s.executeUpdate();
            }
        });
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
