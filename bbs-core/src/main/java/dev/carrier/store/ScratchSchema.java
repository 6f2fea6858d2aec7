package dev.carrier.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A PostgreSQL schema made for one run and dropped after it (a benchmark's, a test's), so the run
 * never meets an earlier one's tables and leaves nothing behind. The name is {@code prefix}
 * followed by random letters and digits.
 */
public final class ScratchSchema implements AutoCloseable {

    private final PostgresUrl server;
    private final String name;

    private ScratchSchema(PostgresUrl server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Makes a new schema on {@code server}. */
    public static ScratchSchema create(PostgresUrl server, String prefix) {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute(server, "CREATE SCHEMA " + name);
        return new ScratchSchema(server, name);
    }

    public String name() {
        return name;
    }

    /** The database URL that works in this schema. */
    public PostgresUrl url() {
        return server.inSchema(name);
    }

    /** Drops the schema with everything in it. */
    @Override
    public void close() {
        execute(server, "DROP SCHEMA " + name + " CASCADE");
    }

    private static void execute(PostgresUrl server, String sql) {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new StoreException(sql + " on " + server.shown() + ": " + e.getMessage(), e);
        }
    }
}
