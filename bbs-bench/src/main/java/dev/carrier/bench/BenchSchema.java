package dev.carrier.bench;

import dev.carrier.store.PostgresUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A PostgreSQL schema of the bench's own on the database it is given, made at the start and
 * dropped at the end, so a run leaves nothing behind and never meets an earlier run's tables.
 */
final class BenchSchema implements AutoCloseable {

    private final PostgresUrl database;
    private final String name;

    private BenchSchema(PostgresUrl database, String name) {
        this.database = database;
        this.name = name;
    }

    static BenchSchema create(PostgresUrl database) throws SQLException {
        String name = "carrier_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        execute(database, "CREATE SCHEMA " + name);
        return new BenchSchema(database, name);
    }

    /** The database URL that works in this schema, for the servers and the seeder. */
    PostgresUrl url() {
        return database.inSchema(name);
    }

    @Override
    public void close() throws SQLException {
        execute(database, "DROP SCHEMA " + name + " CASCADE");
    }

    private static void execute(PostgresUrl database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
