package dev.carrier.bench;

import dev.carrier.store.Database;
import dev.carrier.store.PostgresUrl;
import dev.carrier.store.Timestamps;
import dev.carrier.user.BcryptPasswordHasher;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Optional;

/**
 * Puts the bench's users straight into the database with one precomputed hash: registering
 * thousands through the password hash would take minutes, and registration is not what is
 * measured. The sessions themselves still log in over telnet like anyone.
 */
final class UserSeeder {

    static final String PASSWORD = "bench-secret";

    private UserSeeder() {}

    static String handle(int index) {
        return "bench" + index;
    }

    /** Creates the data folder's database and users bench0 .. bench(count-1). */
    static void seed(Path dataDir, int count) {
        seed(Optional.empty(), dataDir, count);
    }

    /** As above, in {@code postgres} when given (its tables made first) instead of the data folder's file. */
    static void seed(Optional<PostgresUrl> postgres, Path dataDir, int count) {
        // Cost 4: each of the many logins still verifies a real bcrypt hash, cheaply.
        String hash = new BcryptPasswordHasher(4).hash(PASSWORD);
        String now = Timestamps.format(Instant.now());
        try (Database db = Database.open(postgres, dataDir)) {
            db.inTransaction(c -> {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO users (handle, password_hash, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                    for (int i = 0; i < count; i++) {
                        insert.setString(1, handle(i));
                        insert.setString(2, hash);
                        insert.setString(3, now);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
        }
    }
}
