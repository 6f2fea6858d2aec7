package dev.carrier.store;

import java.sql.SQLException;
import java.util.List;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The SQL databases Carrier stores in, and what differs between them that the stores' shared SQL
 * cannot hide: where the migrations are, and how a broken unique constraint is reported.
 *
 * <p>Migrations that read the same on both live in {@code db/common}; the others come in pairs,
 * one per dialect under the same version ({@code db/migration} for SQLite, {@code db/postgresql}).
 */
public enum Dialect {

    /** The embedded file, {@code carrier.db} in the data folder: the default. */
    SQLITE(List.of("classpath:db/migration", "classpath:db/common")) {
        @Override
        public boolean isUniqueViolation(SQLException e) {
            return e instanceof SQLiteException sqlite
                    && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
        }
    },

    /** A PostgreSQL server, given with {@code --database postgresql://...}. */
    POSTGRESQL(List.of("classpath:db/postgresql", "classpath:db/common")) {
        @Override
        public boolean isUniqueViolation(SQLException e) {
            return "23505".equals(e.getSQLState()); // unique_violation
        }
    };

    private final List<String> migrations;

    Dialect(List<String> migrations) {
        this.migrations = migrations;
    }

    /** Where Flyway finds this dialect's SQL migrations. */
    public List<String> migrations() {
        return migrations;
    }

    /** Whether {@code e} says a row was refused because its key is taken. */
    public abstract boolean isUniqueViolation(SQLException e);
}
