package dev.carrier.presence;

import dev.carrier.store.Database;
import dev.carrier.store.Timestamps;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link PresenceStore} in the presence columns of the {@code users} table (migration V10), so a
 * deleted account takes its last-seen time and chosen status with it. Blocks; safe to share.
 */
public final class SqlitePresenceStore implements PresenceStore {

    private static final String MEMBER = "handle, display_name, is_sysop, last_seen_at";

    private final Database db;

    public SqlitePresenceStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Map<String, ChosenStatus> chosenStatuses() {
        return db.withConnection(c -> {
            Map<String, ChosenStatus> chosen = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT handle, chosen_status, chosen_text FROM users WHERE chosen_status IS NOT NULL");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Status status = Status.fromWire(rs.getString("chosen_status")).orElseThrow();
                    chosen.put(rs.getString("handle"),
                            new ChosenStatus(status, Optional.ofNullable(rs.getString("chosen_text"))));
                }
            }
            return Map.copyOf(chosen);
        });
    }

    @Override
    public void choose(String handle, Optional<ChosenStatus> choice, Instant at) {
        db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE users SET chosen_status = ?2, chosen_text = ?3,"
                    + " chosen_at = ?4 WHERE handle = ?1 AND (chosen_at IS NULL OR chosen_at <= ?4)")) {
                s.setString(1, handle);
                s.setString(2, choice.map(ChosenStatus::status).map(Status::wireName).orElse(null));
                s.setString(3, choice.flatMap(ChosenStatus::text).orElse(null));
                s.setString(4, Timestamps.format(Timestamps.stored(at)));
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void seen(String handle, Instant at) {
        db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE users SET last_seen_at = ?2 WHERE handle = ?1"
                    // Only forward: every server that saw a dead server's people go writes their time.
                    + " AND (last_seen_at IS NULL OR last_seen_at < ?2)")) {
                s.setString(1, handle);
                s.setString(2, Timestamps.format(Timestamps.stored(at)));
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Instant> lastSeen(String handle) {
        return db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT last_seen_at FROM users WHERE handle = ?")) {
                s.setString(1, handle);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)).map(Timestamps::parse) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Member> recentlySeen(int limit) {
        return query("SELECT " + MEMBER + " FROM users WHERE last_seen_at IS NOT NULL"
                + " ORDER BY last_seen_at DESC, handle LIMIT ?", s -> s.setInt(1, limit));
    }

    @Override
    public List<Member> members(String after, int limit) {
        return query("SELECT " + MEMBER + " FROM users WHERE handle > ? ORDER BY handle LIMIT ?", s -> {
            s.setString(1, after);
            s.setInt(2, limit);
        });
    }

    private List<Member> query(String sql, Parameters parameters) {
        return db.withConnection(c -> {
            List<Member> members = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                parameters.bind(s);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) members.add(member(rs));
                }
            }
            return List.copyOf(members);
        });
    }

    private static Member member(ResultSet rs) throws SQLException {
        String handle = rs.getString("handle");
        String displayName = rs.getString("display_name");
        return new Member(handle, displayName == null || displayName.isBlank() ? handle : displayName,
                rs.getInt("is_sysop") != 0, Optional.ofNullable(rs.getString("last_seen_at")).map(Timestamps::parse));
    }

    @FunctionalInterface
    private interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
