package dev.carrier.user;

import dev.carrier.store.Database;
import dev.carrier.store.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link UserStore} in the {@code users} table of Carrier's database.
 *
 * <p>Every method blocks: call them from the worker pool. Holds no state of its own beyond the
 * database and clock, so it is safe to share between threads.
 */
public final class SqliteUserStore implements UserStore {

    private static final String COLUMNS =
            "id, handle, display_name, tagline, location, is_sysop, is_banned, created_at, last_login_at,"
            + " charset, ansi_colour, screen_rows, chat_layout";

    private final Database db;
    private final Clock clock;

    /** A store whose registration times come from {@code clock}. */
    public SqliteUserStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A store on the system clock. */
    public SqliteUserStore(Database db) {
        this(db, Clock.systemUTC());
    }

    @Override
    public User create(String handle, String passwordHash) {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Instant now = Timestamps.stored(clock.instant());
        long id = db.withConnection(c -> {
            // The unique indexes decide, not a lookup first: two registrations racing for one
            // handle, or for two look-alikes, would both see it free.
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO users (handle, handle_skeleton, password_hash, created_at) VALUES (?, ?, ?, ?)"
                    + " RETURNING id")) {
                s.setString(1, handle);
                s.setString(2, HandleRules.skeleton(handle));
                s.setString(3, passwordHash);
                s.setString(4, Timestamps.format(now));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                if (db.dialect().isUniqueViolation(e)) {
                    throw new HandleTakenException(handle);
                }
                throw e;
            }
        });
        return new User(id, handle, "", "", "", false, false, now, Optional.empty());
    }

    @Override
    public Optional<User> find(String handle) {
        Objects.requireNonNull(handle, "handle");
        return db.withConnection(c -> queryOne(c, "SELECT " + COLUMNS + " FROM users WHERE handle = ?",
                s -> s.setString(1, handle), SqliteUserStore::user));
    }

    @Override
    public Optional<User> findLookalike(String handle) {
        Objects.requireNonNull(handle, "handle");
        return db.withConnection(c -> queryOne(c, "SELECT " + COLUMNS + " FROM users WHERE handle = ?1"
                        + " OR handle_skeleton = ?2 ORDER BY handle = ?1 DESC, id LIMIT 1",
                s -> {
                    s.setString(1, handle);
                    s.setString(2, HandleRules.skeleton(handle));
                }, SqliteUserStore::user));
    }

    @Override
    public Optional<User> findById(long userId) {
        return db.withConnection(c -> queryOne(c, "SELECT " + COLUMNS + " FROM users WHERE id = ?",
                s -> s.setLong(1, userId), SqliteUserStore::user));
    }

    @Override
    public Optional<Credentials> credentials(String handle) {
        Objects.requireNonNull(handle, "handle");
        return db.withConnection(c -> queryOne(c,
                "SELECT " + COLUMNS + ", password_hash FROM users WHERE handle = ?",
                s -> s.setString(1, handle),
                rs -> new Credentials(user(rs), rs.getString("password_hash"))));
    }

    @Override
    public void recordLogin(long userId, Instant at) {
        Objects.requireNonNull(at, "at");
        update(userId, "UPDATE users SET last_login_at = ?2 WHERE id = ?1",
                s -> s.setString(2, Timestamps.format(at)));
    }

    @Override
    public List<User> list() {
        return db.withConnection(c -> {
            List<User> users = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM users ORDER BY handle");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    users.add(user(rs));
                }
            }
            return List.copyOf(users);
        });
    }

    @Override
    public int count() {
        return db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM users");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Override
    public void setPasswordHash(long userId, String passwordHash) {
        Objects.requireNonNull(passwordHash, "passwordHash");
        update(userId, "UPDATE users SET password_hash = ?2 WHERE id = ?1", s -> s.setString(2, passwordHash));
    }

    @Override
    public void setSysop(long userId, boolean sysop) {
        update(userId, "UPDATE users SET is_sysop = ?2 WHERE id = ?1", s -> s.setInt(2, sysop ? 1 : 0));
    }

    @Override
    public void setBanned(long userId, boolean banned) {
        update(userId, "UPDATE users SET is_banned = ?2 WHERE id = ?1", s -> s.setInt(2, banned ? 1 : 0));
    }

    @Override
    public void updateProfile(long userId, String displayName, String tagline, String location) {
        // profile_updated_at moves only when a field others see actually changes.
        update(userId, "UPDATE users SET profile_updated_at = CASE WHEN display_name IS DISTINCT FROM ?2"
                + " OR tagline IS DISTINCT FROM ?3 OR location IS DISTINCT FROM ?4 THEN ?5 ELSE profile_updated_at END,"
                + " display_name = ?2, tagline = ?3, location = ?4 WHERE id = ?1", s -> {
            s.setString(2, blankToNull(displayName));
            s.setString(3, blankToNull(tagline));
            s.setString(4, blankToNull(location));
            s.setString(5, Timestamps.format(Timestamps.stored(clock.instant())));
        });
    }

    @Override
    public void updatePreferences(long userId, Preferences preferences) {
        Objects.requireNonNull(preferences, "preferences");
        update(userId, "UPDATE users SET charset = ?2, ansi_colour = ?3, screen_rows = ?4, chat_layout = ?5"
                + " WHERE id = ?1", s -> {
            s.setString(2, preferences.charset().map(Preferences::nameOf).orElse(null));
            s.setInt(3, preferences.colour() ? 1 : 0);
            s.setInt(4, preferences.screenRows());
            s.setString(5, preferences.chatLayout().wireName());
        });
    }

    @Override
    public void delete(long userId) {
        update(userId, "DELETE FROM users WHERE id = ?1", s -> { });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** Runs an UPDATE of one user, whose id is parameter {@code ?1}; {@code values} binds the others. */
    private void update(long userId, String sql, Binder values) {
        int changed = db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, userId);
                values.bind(s);
                return s.executeUpdate();
            }
        });
        if (changed == 0) {
            throw new NoSuchElementException("no user with id " + userId);
        }
    }

    private static <T> Optional<T> queryOne(Connection c, String sql, Binder params, RowReader<T> reader)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            params.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
            }
        }
    }

    private static User user(ResultSet rs) throws SQLException {
        String lastLogin = rs.getString("last_login_at");
        return new User(
                rs.getLong("id"),
                rs.getString("handle"),
                rs.getString("display_name"),
                rs.getString("tagline"),
                rs.getString("location"),
                rs.getInt("is_sysop") != 0,
                rs.getInt("is_banned") != 0,
                Timestamps.parse(rs.getString("created_at")),
                Optional.ofNullable(lastLogin).map(Timestamps::parse),
                new Preferences(Optional.ofNullable(rs.getString("charset")).flatMap(Preferences::charsetNamed),
                        rs.getInt("ansi_colour") != 0, rs.getInt("screen_rows"),
                        ChatLayout.named(rs.getString("chat_layout")).orElse(ChatLayout.SCREEN)));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }
}
