package dev.carrier.auth;

import dev.carrier.store.Database;
import dev.carrier.store.Timestamps;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** {@link TokenStore} in the {@code api_tokens} table. */
public final class SqliteTokenStore implements TokenStore {

    private final Database db;

    public SqliteTokenStore(Database db) {
        this.db = db;
    }

    @Override
    public void add(String tokenHash, long userId, Instant createdAt, Instant expiresAt) {
        db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO api_tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
                s.setString(1, tokenHash);
                s.setLong(2, userId);
                s.setString(3, Timestamps.format(createdAt));
                s.setString(4, Timestamps.format(expiresAt));
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Held> live(String tokenHash, Instant now) {
        return db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT user_id, expires_at FROM api_tokens WHERE token_hash = ? AND expires_at > ?")) {
                s.setString(1, tokenHash);
                s.setString(2, Timestamps.format(now));
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new Held(rs.getLong(1), Timestamps.parse(rs.getString(2))))
                            : Optional.<Held>empty();
                }
            }
        });
    }

    @Override
    public void remove(String tokenHash) {
        db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM api_tokens WHERE token_hash = ?")) {
                s.setString(1, tokenHash);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public int removeAll(long userId) {
        return db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM api_tokens WHERE user_id = ?")) {
                s.setLong(1, userId);
                return s.executeUpdate();
            }
        });
    }
}
