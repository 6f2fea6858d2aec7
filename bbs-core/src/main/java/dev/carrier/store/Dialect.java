package dev.carrier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The SQL databases Carrier stores in, and what differs between them that the stores' shared SQL
 * cannot hide: where the migrations are, how a broken unique constraint is reported, and how a
 * transaction keeps others out of one owner's rows while it counts them.
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

        @Override
        public void lockOwner(Connection transaction, String owner) {
            // Nothing to do: every write transaction begins IMMEDIATE, holding the one write lock.
        }
    },

    /** A PostgreSQL server, given with {@code --database postgresql://...}. */
    POSTGRESQL(List.of("classpath:db/postgresql", "classpath:db/common")) {
        @Override
        public boolean isUniqueViolation(SQLException e) {
            return "23505".equals(e.getSQLState()); // unique_violation
        }

        @Override
        public void lockOwner(Connection transaction, String owner) throws SQLException {
            // A transaction-scoped advisory lock: released at commit or rollback, and it needs no
            // row to lock (an owner with no rows yet is locked as well).
            try (PreparedStatement s = transaction.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                s.setString(1, owner);
                s.execute();
            }
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

    /**
     * Keeps every other transaction that locks the same {@code owner} waiting until this one ends,
     * so that a cap that counts an owner's rows and then inserts holds under parallel writers:
     * PostgreSQL's READ COMMITTED would let two of them both count below the cap. Call first in
     * the transaction; name the owner with what the rows are ({@code "ssh_keys:42"}).
     */
    public abstract void lockOwner(Connection transaction, String owner) throws SQLException;
}
