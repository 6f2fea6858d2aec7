package dev.carrier.ignore;

import dev.carrier.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link IgnoreStore} in the {@code ignores} table. */
public final class SqliteIgnoreStore implements IgnoreStore {

    private final Database db;

    public SqliteIgnoreStore(Database db) {
        this.db = db;
    }

    @Override
    public Map<String, List<String>> all() {
        return db.withConnection(c -> {
            Map<String, List<String>> all = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT owner, ignored FROM ignores ORDER BY owner, ignored");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) all.computeIfAbsent(rs.getString(1), o -> new ArrayList<>()).add(rs.getString(2));
            }
            return all;
        });
    }

    @Override
    public List<String> of(String owner) {
        return db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT ignored FROM ignores WHERE owner = ? ORDER BY ignored")) {
                s.setString(1, owner);
                List<String> ignored = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) ignored.add(rs.getString(1));
                }
                return ignored;
            }
        });
    }

    @Override
    public boolean add(String owner, String ignored, int max) {
        return db.inTransaction(c -> {
            db.dialect().lockOwner(c, "ignores:" + owner);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO ignores (owner, ignored) SELECT ?, ? "
                    + "WHERE (SELECT COUNT(*) FROM ignores WHERE owner = ?) < ? ON CONFLICT DO NOTHING")) {
                s.setString(1, owner);
                s.setString(2, ignored);
                s.setString(3, owner);
                s.setInt(4, max);
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean remove(String owner, String ignored) {
        return update("DELETE FROM ignores WHERE owner = ? AND ignored = ?", owner, ignored);
    }

    private boolean update(String sql, String owner, String ignored) {
        return db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, owner);
                s.setString(2, ignored);
                return s.executeUpdate() == 1;
            }
        });
    }
}
