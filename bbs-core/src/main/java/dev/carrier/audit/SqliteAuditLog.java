package dev.carrier.audit;

import dev.carrier.store.Database;
import dev.carrier.store.Timestamps;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link AuditLog} in the {@code audit_log} table. Every method blocks: call from the worker pool.
 * Holds no state beyond the database and clock, so it is safe to share between threads.
 */
public final class SqliteAuditLog implements AuditLog {

    private final Database db;
    private final Clock clock;

    public SqliteAuditLog(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AuditEntry record(String actor, String action, String detail) {
        Objects.requireNonNull(action, "action");
        Instant now = Timestamps.stored(clock.instant());
        long id = db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?) RETURNING id")) {
                s.setString(1, Timestamps.format(now));
                s.setString(2, actor);
                s.setString(3, action);
                s.setString(4, detail == null || detail.isEmpty() ? null : detail);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return new AuditEntry(id, now, Optional.ofNullable(actor), action, detail);
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        return db.withConnection(c -> {
            List<AuditEntry> entries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, at, actor, action, detail FROM audit_log ORDER BY id DESC LIMIT ?")) {
                s.setInt(1, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new AuditEntry(rs.getLong("id"), Timestamps.parse(rs.getString("at")),
                                Optional.ofNullable(rs.getString("actor")), rs.getString("action"),
                                rs.getString("detail")));
                    }
                }
            }
            Collections.reverse(entries);
            return List.copyOf(entries);
        });
    }
}
