package db.migration;

import dev.carrier.user.HandleRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds {@code users.handle_skeleton}, the key under which look-alike handles collide
 * ({@link HandleRules#skeleton}), with a unique index so that no two users can hold confusable
 * handles however registrations race. In Java because SQL cannot compute a skeleton.
 *
 * <p>Users registered before this version may already hold look-alikes of each other. The oldest
 * of each group keeps the skeleton; the later ones keep their handles with no skeleton (NULLs do
 * not collide in a unique index), and are named in the log for the sysop. New handles like any
 * of them are still refused, through the oldest's skeleton.
 */
public final class V7__Handle_skeletons extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V7__Handle_skeletons.class);

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE users ADD COLUMN handle_skeleton TEXT");
        }
        Set<String> taken = new HashSet<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, handle FROM users ORDER BY id");
             PreparedStatement update = c.prepareStatement("UPDATE users SET handle_skeleton = ? WHERE id = ?");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String handle = rs.getString("handle");
                String skeleton = HandleRules.skeleton(handle);
                if (!taken.add(skeleton)) {
                    log.warn("the handle {} looks like an older user's; it stays, but new handles are checked only"
                            + " against the older one", handle);
                    continue;
                }
                update.setString(1, skeleton);
                update.setLong(2, rs.getLong("id"));
                update.executeUpdate();
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE UNIQUE INDEX users_handle_skeleton ON users (handle_skeleton)");
        }
    }
}
