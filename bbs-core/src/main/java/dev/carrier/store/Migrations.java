package dev.carrier.store;

import db.migration.V7__Handle_skeletons;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Brings the schema up to date from the versioned SQL files of the {@link Dialect}
 * ({@code V1__users.sql}, {@code V2__...}) and the Java ones in package {@code db.migration}.
 * A file, once released, is never edited: a change is a new file with the next version, for
 * every dialect (in {@code db/common} when it reads the same on all).
 */
final class Migrations {

    private Migrations() {}

    /** @param where the file or server, as messages name it */
    static void run(DataSource dataSource, Dialect dialect, String where) {
        try {
            FluentConfiguration config = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(dialect.migrations().toArray(String[]::new))
                    .validateMigrationNaming(true);
            if (dialect == Dialect.POSTGRESQL) {
                // SQLite's location is the Java migrations' package, where Flyway finds them by
                // scanning; PostgreSQL's is not, so they are named.
                config.javaMigrations(new V7__Handle_skeletons());
            }
            Flyway flyway = config.load();
            refuseNewerSchema(flyway, where);
            flyway.migrate();
        } catch (FlywayException e) {
            SQLException sql = SqliteErrors.findSqlCause(e);
            String why = sql == null ? "cannot update the tables in " + where + ": " + e.getMessage()
                    : dialect == Dialect.SQLITE ? SqliteErrors.describe(Path.of(where), sql)
                    : "cannot update the tables in " + where + ": " + sql.getMessage();
            throw new StoreException(why, e);
        }
    }

    /**
     * Flyway by default ignores versions it has no file for and carries on, which would let an
     * older Carrier write into tables shaped for a newer one. Stop instead, before anything is
     * written.
     */
    private static void refuseNewerSchema(Flyway flyway, String where) {
        Optional<String> newest = Arrays.stream(flyway.info().applied())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .map(Object::toString);
        if (newest.isPresent()) {
            throw new StoreException(where + " was written by a newer version of Carrier (schema version "
                    + newest.get() + "): run that version, or restore a backup made with this one");
        }
    }
}
