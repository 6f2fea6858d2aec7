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
    public boolean add(String owner, String ignored) {
        return update("INSERT INTO ignores (owner, ignored) VALUES (?, ?) ON CONFLICT DO NOTHING", owner, ignored);
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
