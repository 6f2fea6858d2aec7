package dev.carrier.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Carrier's database behind a small connection pool, with its schema brought up to date on open:
 * by default the SQLite file {@code carrier.db} in the data folder, or a PostgreSQL database
 * ({@link #open(PostgresUrl)}). The stores write one SQL for both; what differs is in
 * {@link Dialect}, and on PostgreSQL the connections handed out accept SQLite's numbered
 * parameters ({@link NumberedParameters}).
 *
 * <p>Every method blocks on I/O (and on SQLite's lock for up to {@link #BUSY_TIMEOUT_MS}):
 * call them from the worker pool, never from a transport's event loop. Safe to share between
 * threads; each call borrows its own pooled connection.
 */
public final class Database implements AutoCloseable {

    /** The file's name inside the data folder. */
    public static final String FILE_NAME = "carrier.db";

    /** The data folder, relative to where the server and the sysop commands run, unless told otherwise. */
    public static final String DEFAULT_DATA_DIR = "data";

    /** SQLite has one writer at a time; a few connections cover readers alongside it. */
    static final int POOL_SIZE = 4;

    /** A server takes many writers at once; this is what one Carrier may hold of its connections. */
    static final int POSTGRES_POOL_SIZE = 10;

    /** How long a connection waits for another's write lock before failing. */
    static final int BUSY_TIMEOUT_MS = 5000;

    /**
     * How long a worker waits for a PostgreSQL connection before the work fails as unavailable: short,
     * so that while the server is away callers hear so in seconds; the pool keeps trying to connect
     * and is back in use as soon as the server answers again.
     */
    static final int POSTGRES_WAIT_MS = 3000;

    private final Dialect dialect;
    /** The file or server, as a sysop would name it in a message. */
    private final String where;
    private final Path file;
    private final HikariDataSource pool;

    private Database(Dialect dialect, String where, Path file, HikariDataSource pool) {
        this.dialect = dialect;
        this.where = where;
        this.file = file;
        this.pool = pool;
    }

    /** The connection pool's use now: connections in use, idle, and threads waiting for one. */
    public record PoolUse(int active, int idle, int waiting) {}

    public PoolUse poolUse() {
        var bean = pool.getHikariPoolMXBean();
        if (bean == null) return new PoolUse(0, 0, 0);
        return new PoolUse(bean.getActiveConnections(), bean.getIdleConnections(), bean.getThreadsAwaitingConnection());
    }

    /**
     * Opens (creating if needed) {@code dataDir/carrier.db} and migrates its schema. Blocks.
     *
     * @throws StoreException when the folder cannot be created or written, or the file is not a
     *     usable SQLite database; the message names the path and the reason
     */
    public static Database open(Path dataDir) {
        DataFolder.prepare(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.isDirectory(file)) {
            throw new StoreException(file + " is a folder, not a database file");
        }
        DataFolder.createPrivateFile(file);
        return migrated(new Database(Dialect.SQLITE, file.toString(), file, openPool(file)));
    }

    /**
     * Connects to a PostgreSQL database and migrates its schema (in the connection's current
     * schema, {@code public} unless the URL says otherwise). Blocks.
     *
     * @throws StoreException when the server cannot be reached or refuses; the message names it
     */
    public static Database open(PostgresUrl url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        config.setPoolName("carrier-db");
        config.setMaximumPoolSize(POSTGRES_POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(POSTGRES_WAIT_MS);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            SQLException sql = SqliteErrors.findSqlCause(e);
            throw new StoreException("cannot use PostgreSQL at " + url.shown() + ": "
                    + (sql != null ? sql.getMessage() : e.getMessage()), e);
        }
        return migrated(new Database(Dialect.POSTGRESQL, "PostgreSQL at " + url.shown(), null, pool));
    }

    /** PostgreSQL when {@code postgres} is given, else the SQLite file in {@code dataDir}. Blocks. */
    public static Database open(Optional<PostgresUrl> postgres, Path dataDir) {
        return postgres.map(Database::open).orElseGet(() -> open(dataDir));
    }

    private static Database migrated(Database db) {
        try {
            Migrations.run(db.pool, db.dialect, db.where);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private static HikariDataSource openPool(Path file) {
        HikariConfig config = new HikariConfig();
        // The settings live in the driver's data source, so every connection the pool ever
        // opens gets them, not only the first.
        config.setDataSource(sqliteDataSource(file));
        config.setPoolName("carrier-db");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(BUSY_TIMEOUT_MS * 2L);
        try {
            // Opens one connection now, so a damaged file is reported here, not at first use.
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            SQLException sql = SqliteErrors.findSqlCause(e);
            if (sql == null) {
                throw new StoreException("cannot open " + file + ": " + e.getMessage(), e);
            }
            throw new StoreException(SqliteErrors.describe(file, sql), e);
        }
    }

    private static SQLiteDataSource sqliteDataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        // WAL lets readers go on while one connection writes.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // In WAL mode NORMAL cannot corrupt the file; a power cut may lose the last commits.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // A transaction takes the write lock at BEGIN. A deferred one that reads first and then
        // writes fails at once with SQLITE_BUSY when another writer got in between, and no
        // busy timeout can save it.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // The driver would otherwise ask for the last row id after every insert, which costs as
        // much as a small insert; the stores that need an id ask for it with RETURNING.
        config.setGetGeneratedKeys(false);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }

    /** The pooled connections, for stores that manage their own statements. */
    public DataSource dataSource() {
        return pool;
    }

    /** The SQLite file, as derived from the data folder given to {@link #open(Path)}; empty on PostgreSQL. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws,
     * so that several writes land all together or not at all. Blocks.
     *
     * <p>Do not call this (or {@link #withConnection}) again from inside {@code work}: the inner
     * call would wait for the write lock the outer one holds. Pass the connection down instead.
     *
     * @throws StoreException when the database fails; unchecked exceptions thrown by
     *     {@code work} pass through unchanged, after the rollback
     */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = connection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (Throwable t) {
                rollback(connection, t);
                throw t;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Runs {@code work} on a pooled connection in auto-commit mode, where each statement is its
     * own transaction: for reads and single writes. Blocks.
     *
     * @throws StoreException when the database fails; unchecked exceptions thrown by
     *     {@code work} pass through unchanged
     */
    public <T> T withConnection(SqlWork<T> work) {
        try (Connection connection = connection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private Connection connection() throws SQLException {
        Connection connection = pool.getConnection();
        return dialect == Dialect.POSTGRESQL ? NumberedParameters.translating(connection) : connection;
    }

    private StoreException failure(SQLException e) {
        String why = file != null ? SqliteErrors.describe(file, e) : "cannot use " + where + ": " + e.getMessage();
        return new StoreException(why, e);
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Closes the pool; calls already running finish first. */
    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "Database[" + where + "]";
    }
}
