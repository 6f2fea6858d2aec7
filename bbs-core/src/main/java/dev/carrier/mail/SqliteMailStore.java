package dev.carrier.mail;

import dev.carrier.store.Database;
import dev.carrier.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link MailStore} in the {@code letters} table. Stateless beyond the database. */
public final class SqliteMailStore implements MailStore {

    private static final String COLUMNS = "id, sender, recipient, subject, body, sent_at, bulletin, read_at";

    private final Database db;

    public SqliteMailStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Letter> send(String from, String to, String subject, String body, Instant at) {
        Instant sentAt = Timestamps.stored(at);
        return db.inTransaction(c -> {
            Optional<String> recipient = handleOf(c, to);
            if (recipient.isEmpty()) return Optional.empty();
            long id = insert(c, from, recipient.get(), subject, body, sentAt, false);
            return Optional.of(new Letter(id, from, recipient.get(), subject, body, sentAt, false, Optional.empty()));
        });
    }

    @Override
    public List<String> sendToAll(String from, String subject, String body, Instant at) {
        Instant sentAt = Timestamps.stored(at);
        return db.inTransaction(c -> {
            List<String> recipients = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT handle FROM users WHERE handle <> ? ORDER BY handle")) {
                s.setString(1, from);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) recipients.add(rs.getString(1));
                }
            }
            for (String recipient : recipients) insert(c, from, recipient, subject, body, sentAt, true);
            return List.copyOf(recipients);
        });
    }

    private static Optional<String> handleOf(Connection c, String handle) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT handle FROM users WHERE handle = ?")) {
            s.setString(1, handle);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static long insert(Connection c, String from, String to, String subject, String body, Instant sentAt,
            boolean bulletin) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO letters "
                + "(sender, recipient, subject, body, sent_at, bulletin) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
            s.setString(1, from);
            s.setString(2, to);
            s.setString(3, subject);
            s.setString(4, body);
            s.setString(5, Timestamps.format(sentAt));
            s.setInt(6, bulletin ? 1 : 0);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public List<Envelope> inbox(String recipient) {
        return db.withConnection(c -> {
            List<Envelope> letters = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, sender, subject, sent_at, bulletin, read_at "
                    + "FROM letters WHERE recipient = ? ORDER BY id")) {
                s.setString(1, recipient);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        letters.add(new Envelope(rs.getLong("id"), rs.getString("sender"), rs.getString("subject"),
                                Timestamps.parse(rs.getString("sent_at")), rs.getInt("bulletin") != 0,
                                rs.getString("read_at") == null));
                    }
                }
            }
            return List.copyOf(letters);
        });
    }

    @Override
    public Optional<Letter> open(String recipient, long id, Instant at) {
        return db.withConnection(c -> {
            // One statement: marks it read the first time and returns it, read mark included.
            try (PreparedStatement s = c.prepareStatement("UPDATE letters SET read_at = coalesce(read_at, ?) "
                    + "WHERE id = ? AND recipient = ? RETURNING " + COLUMNS)) {
                s.setString(1, Timestamps.format(at));
                s.setLong(2, id);
                s.setString(3, recipient);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(letter(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean delete(String recipient, long id) {
        return db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM letters WHERE id = ? AND recipient = ?")) {
                s.setLong(1, id);
                s.setString(2, recipient);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public int countNew(String recipient) {
        return db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT count(*) FROM letters WHERE recipient = ? AND read_at IS NULL")) {
                s.setString(1, recipient);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private static Letter letter(ResultSet rs) throws SQLException {
        return new Letter(rs.getLong("id"), rs.getString("sender"), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body"), Timestamps.parse(rs.getString("sent_at")),
                rs.getInt("bulletin") != 0, Optional.ofNullable(rs.getString("read_at")).map(Timestamps::parse));
    }

    @Override
    public void saveDraft(String owner, SavedDraft draft, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO mail_drafts (owner, recipient, subject, body, saved_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (owner) DO UPDATE SET recipient = excluded.recipient,"
                    + " subject = excluded.subject, body = excluded.body, saved_at = excluded.saved_at")) {
                s.setString(1, owner);
                s.setString(2, draft.to());
                s.setString(3, draft.subject().orElse(null));
                s.setString(4, String.join("\n", draft.lines()));
                s.setString(5, Timestamps.format(at));
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<SavedDraft> takeDraft(String owner) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM mail_drafts WHERE owner = ? RETURNING recipient, subject, body")) {
                s.setString(1, owner);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    String body = rs.getString(3);
                    return Optional.of(new SavedDraft(rs.getString(1), Optional.ofNullable(rs.getString(2)),
                            body.isEmpty() ? List.of() : List.of(body.split("\n", -1))));
                }
            }
        });
    }
}
