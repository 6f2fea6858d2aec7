package dev.carrier.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Databases for tests that run on every {@link Dialect}: the SQLite file in the test's folder, or
 * a PostgreSQL schema of its own, made for the test and dropped after it. Register as an instance
 * field ({@code @RegisterExtension final TestDatabases databases = new TestDatabases();}).
 *
 * <p>PostgreSQL is the one at {@code CARRIER_TEST_POSTGRES} (default
 * {@value #DEFAULT_SERVER}). When it cannot be reached its tests are skipped, saying so, unless
 * {@code CARRIER_POSTGRES_TESTS=required}, when they fail.
 */
public final class TestDatabases implements AfterEachCallback {

    public static final String DEFAULT_SERVER = "postgresql://127.0.0.1:5432/test?user=postgres";

    private final Map<Path, ScratchSchema> schemas = new HashMap<>();
    private final List<Database> opened = new ArrayList<>();

    /**
     * A database of {@code dialect} for {@code dataDir}, closed after the test if still open;
     * opening the same folder again (a restart) opens the same PostgreSQL schema again.
     */
    public Database open(Dialect dialect, Path dataDir) {
        Database db = switch (dialect) {
            case SQLITE -> Database.open(dataDir);
            case POSTGRESQL -> Database.open(postgres(dataDir));
        };
        opened.add(db);
        return db;
    }

    /** The URL of the PostgreSQL schema that stands for {@code dataDir} in this test, made on first use. */
    public PostgresUrl postgres(Path dataDir) {
        return schemas.computeIfAbsent(dataDir, dir -> ScratchSchema.create(server(), "carrier_test_")).url();
    }

    /** The server's URL, from {@code CARRIER_TEST_POSTGRES}; the test is skipped (or fails) if it does not answer. */
    public static PostgresUrl server() {
        if (Probe.WHY_NOT != null) {
            if ("required".equals(System.getenv("CARRIER_POSTGRES_TESTS"))) throw new AssertionError(Probe.WHY_NOT);
            Assumptions.abort(Probe.WHY_NOT);
        }
        return Probe.SERVER;
    }

    /** Asked once per test run, so that a server that is away costs one timeout, not one a test. */
    private static final class Probe {

        static final PostgresUrl SERVER =
                PostgresUrl.parse(System.getenv().getOrDefault("CARRIER_TEST_POSTGRES", DEFAULT_SERVER));
        static final String WHY_NOT = whyNot();

        private static String whyNot() {
            try (Connection c = DriverManager.getConnection(SERVER.jdbcUrl() + "&connectTimeout=3")) {
                return null;
            } catch (SQLException e) {
                return "PostgreSQL does not answer at " + SERVER.shown() + " (" + e.getMessage() + "): start it"
                        + " (or point CARRIER_TEST_POSTGRES at one) to run the PostgreSQL tests";
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        opened.forEach(Database::close); // a second close does nothing
        opened.clear();
        schemas.values().forEach(ScratchSchema::close);
        schemas.clear();
    }
}
