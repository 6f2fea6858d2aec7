package dev.carrier.message;

import dev.carrier.store.Database;
import dev.carrier.store.Timestamps;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** {@link MessageStore} in the {@code direct_messages} table. Stateless beyond the database. */
public final class SqliteMessageStore implements MessageStore {

    private static final String COLUMNS =
            "id, sender, recipient, body, sent_at, delivery_method, delivered_at, read_at";

    private final Database db;

    public SqliteMessageStore(Database db) {
        this.db = db;
    }

    @Override
    public void save(DirectMessage message) {
        db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO direct_messages (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(s, message);
                return s.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement s, DirectMessage message) throws SQLException {
        s.setString(1, message.id().toString());
        s.setString(2, message.from());
        s.setString(3, message.to());
        s.setString(4, message.text());
        s.setString(5, Timestamps.format(message.sentAt()));
        s.setString(6, message.method() == DirectMessage.Method.DIRECT ? "direct" : "offline");
        s.setString(7, message.deliveredAt().map(Timestamps::format).orElse(null));
        s.setString(8, message.readAt().map(Timestamps::format).orElse(null));
    }

    @Override
    public boolean saveUnlessFull(DirectMessage message, int maxWaiting) {
        return db.inTransaction(c -> {
            db.dialect().lockOwner(c, "direct_messages:" + message.to().toLowerCase(Locale.ROOT));
            try (PreparedStatement s = c.prepareStatement("INSERT INTO direct_messages (" + COLUMNS
                    + ") SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE (SELECT COUNT(*) FROM direct_messages "
                    + "WHERE recipient = ? AND delivered_at IS NULL) < ?")) {
                bind(s, message);
                s.setString(9, message.to());
                s.setInt(10, maxWaiting);
                return s.executeUpdate();
            }
        }) == 1;
    }

    @Override
    public int countWaiting(String recipient) {
        return db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*) FROM direct_messages WHERE recipient = ? AND delivered_at IS NULL")) {
                s.setString(1, recipient);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    @Override
    public List<DirectMessage> waiting(String recipient, Optional<UUID> after, int limit) {
        return db.withConnection(c -> {
            // Oldest first, by time and then by the order stored (two can share a millisecond);
            // "after" is a position, so a page that could not be marked is not read again.
            String later = after.isEmpty() ? "" : " AND EXISTS (SELECT 1 FROM direct_messages m WHERE m.id = ?3 "
                    + "AND (d.sent_at > m.sent_at OR (d.sent_at = m.sent_at AND d.rowid > m.rowid)))";
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM direct_messages d "
                    + "WHERE recipient = ?1 AND delivered_at IS NULL" + later
                    + " ORDER BY sent_at, rowid LIMIT ?2")) {
                s.setString(1, recipient);
                s.setInt(2, limit);
                if (after.isPresent()) s.setString(3, after.get().toString());
                List<DirectMessage> page = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) page.add(message(rs));
                }
                return page;
            }
        });
    }

    @Override
    public int markDelivered(String recipient, Collection<UUID> ids, Instant now) {
        if (ids.isEmpty()) return 0;
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE direct_messages SET delivered_at = ? "
                    + "WHERE id = ? AND recipient = ? AND delivered_at IS NULL")) {
                int changed = 0;
                for (UUID id : ids) {
                    s.setString(1, Timestamps.format(now));
                    s.setString(2, id.toString());
                    s.setString(3, recipient);
                    changed += s.executeUpdate();
                }
                return changed;
            }
        });
    }

    @Override
    public List<DirectMessage> history(String user, String peer, Instant before, int limit) {
        return db.withConnection(c -> {
            List<DirectMessage> page = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM direct_messages "
                    + "WHERE ((sender = ? AND recipient = ?) OR (sender = ? AND recipient = ?)) AND sent_at < ? "
                    + "ORDER BY sent_at DESC, rowid DESC LIMIT ?")) {
                s.setString(1, user);
                s.setString(2, peer);
                s.setString(3, peer);
                s.setString(4, user);
                s.setString(5, Timestamps.format(before));
                s.setInt(6, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) page.add(message(rs));
                }
            }
            Collections.reverse(page);
            return page;
        });
    }

    @Override
    public Optional<List<DirectMessage>> historyBefore(String user, String peer, UUID before, int limit) {
        return db.withConnection(c -> {
            String pair = "((sender = ?1 AND recipient = ?2) OR (sender = ?2 AND recipient = ?1))";
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM direct_messages d "
                    + "WHERE " + pair + " AND EXISTS (SELECT 1 FROM direct_messages m WHERE m.id = ?3 AND "
                    + pair.replace("sender", "m.sender").replace("recipient", "m.recipient")
                    + " AND (d.sent_at < m.sent_at OR (d.sent_at = m.sent_at AND d.rowid < m.rowid))) "
                    + "ORDER BY sent_at DESC, rowid DESC LIMIT ?4");
                 PreparedStatement known = c.prepareStatement(
                         "SELECT 1 FROM direct_messages WHERE id = ?3 AND " + pair)) {
                for (PreparedStatement statement : List.of(s, known)) {
                    statement.setString(1, user);
                    statement.setString(2, peer);
                    statement.setString(3, before.toString());
                }
                s.setInt(4, limit);
                try (ResultSet exists = known.executeQuery()) {
                    if (!exists.next()) return Optional.<List<DirectMessage>>empty();
                }
                List<DirectMessage> page = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) page.add(message(rs));
                }
                Collections.reverse(page);
                return Optional.of(page);
            }
        });
    }

    @Override
    public int markRead(String reader, String peer, UUID upTo, Instant now) {
        return db.withConnection(c -> {
            // Up to and including that message: earlier by time, or as early and stored no later
            // (two messages can share a millisecond).
            try (PreparedStatement s = c.prepareStatement("UPDATE direct_messages SET read_at = ? "
                    + "WHERE recipient = ? AND sender = ? AND read_at IS NULL AND EXISTS (SELECT 1 FROM direct_messages m "
                    + "WHERE m.id = ? AND m.recipient = ? AND m.sender = ? AND (direct_messages.sent_at < m.sent_at "
                    + "OR (direct_messages.sent_at = m.sent_at AND direct_messages.rowid <= m.rowid)))")) {
                s.setString(1, Timestamps.format(now));
                s.setString(2, reader);
                s.setString(3, peer);
                s.setString(4, upTo.toString());
                s.setString(5, reader);
                s.setString(6, peer);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public List<Conversation> conversations(String user, int limit) {
        return db.withConnection(c -> {
            List<Conversation> list = new ArrayList<>();
            // One row per peer: its latest message (by time, then by storage order) and the unread count.
            try (PreparedStatement s = c.prepareStatement("WITH mine AS (SELECT " + COLUMNS + ", rowid AS seq,"
                    + " CASE WHEN sender = ?1 THEN recipient ELSE sender END COLLATE NOCASE AS peer"
                    + " FROM direct_messages WHERE sender = ?1 OR recipient = ?1),"
                    + " ranked AS (SELECT *, row_number() OVER (PARTITION BY peer ORDER BY sent_at DESC, seq DESC) AS n,"
                    + " sum(CASE WHEN recipient = ?1 AND sender <> ?1 AND read_at IS NULL THEN 1 ELSE 0 END) OVER (PARTITION BY peer) AS unread"
                    + " FROM mine)"
                    + " SELECT * FROM ranked WHERE n = 1 ORDER BY sent_at DESC, seq DESC LIMIT ?2")) {
                s.setString(1, user);
                s.setInt(2, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) list.add(new Conversation(rs.getString("peer"), message(rs), rs.getInt("unread")));
                }
            }
            return List.copyOf(list);
        });
    }

    private static DirectMessage message(ResultSet rs) throws SQLException {
        return new DirectMessage(UUID.fromString(rs.getString("id")), rs.getString("sender"),
                rs.getString("recipient"), rs.getString("body"), Timestamps.parse(rs.getString("sent_at")),
                "direct".equals(rs.getString("delivery_method")) ? DirectMessage.Method.DIRECT
                        : DirectMessage.Method.OFFLINE,
                Optional.ofNullable(rs.getString("delivered_at")).map(Timestamps::parse),
                Optional.ofNullable(rs.getString("read_at")).map(Timestamps::parse));
    }
}
