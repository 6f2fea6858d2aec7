package dev.carrier.sshkey;

import dev.carrier.store.Database;
import dev.carrier.store.StoreException;
import dev.carrier.store.Timestamps;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link SshKeyStore} in the {@code ssh_keys} table. Stateless beyond the database. */
public final class SqliteSshKeyStore implements SshKeyStore {

    private final Database db;

    public SqliteSshKeyStore(Database db) {
        this.db = db;
    }

    @Override
    public Added add(long userId, PublicKeyText key, Instant at) {
        try {
            return insert(userId, key, at);
        } catch (StoreException e) {
            // SQLite takes the write lock at BEGIN, so no other add gets between the look-up and
            // the insert; PostgreSQL lets one in, and the unique index refuses the second.
            if (!(e.getCause() instanceof SQLException sql) || !db.dialect().isUniqueViolation(sql)) throw e;
            return owner(key.type(), key.blob()).orElseThrow(() -> e) == userId ? Added.ALREADY_YOURS : Added.TAKEN;
        }
    }

    private Added insert(long userId, PublicKeyText key, Instant at) {
        return db.inTransaction(c -> {
            db.dialect().lockOwner(c, "ssh_keys:" + userId);
            Optional<Long> owner = owner(c, key.type(), key.blob());
            if (owner.isPresent()) return owner.get() == userId ? Added.ALREADY_YOURS : Added.TAKEN;
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM ssh_keys WHERE user_id = ?")) {
                count.setLong(1, userId);
                try (ResultSet rs = count.executeQuery()) {
                    if (rs.next() && rs.getInt(1) >= MAX_KEYS_PER_USER) return Added.TOO_MANY;
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO ssh_keys "
                    + "(user_id, key_type, key_blob, comment, fingerprint, added_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, userId);
                s.setString(2, key.type());
                s.setString(3, key.blob());
                s.setString(4, key.comment());
                s.setString(5, key.fingerprint());
                s.setString(6, Timestamps.format(at));
                s.executeUpdate();
            }
            return Added.ADDED;
        });
    }

    @Override
    public List<SshKey> keysOf(long userId) {
        return db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, key_type, key_blob, comment, added_at "
                    + "FROM ssh_keys WHERE user_id = ? ORDER BY id")) {
                s.setLong(1, userId);
                List<SshKey> keys = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        keys.add(new SshKey(rs.getLong(1), userId,
                                new PublicKeyText(rs.getString(2), rs.getString(3), rs.getString(4)),
                                Timestamps.parse(rs.getString(5))));
                    }
                }
                return keys;
            }
        });
    }

    @Override
    public boolean remove(long userId, long keyId) {
        return db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM ssh_keys WHERE id = ? AND user_id = ?")) {
                s.setLong(1, keyId);
                s.setLong(2, userId);
                return s.executeUpdate();
            }
        }) == 1;
    }

    @Override
    public Optional<Long> owner(String type, String blob) {
        return db.withConnection(c -> owner(c, type, blob));
    }

    private static Optional<Long> owner(Connection c, String type, String blob) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT user_id FROM ssh_keys WHERE key_type = ? AND key_blob = ?")) {
            s.setString(1, type);
            s.setString(2, blob);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }
}
