package dev.carrier.store;

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

/**
 * Brings the schema up to date from the versioned SQL files under {@code db/migration}
 * ({@code V1__users.sql}, {@code V2__...}). A file, once released, is never edited: a change is a
 * new file with the next version.
 */
final class Migrations {

    static final String LOCATION = "classpath:db/migration";

    private Migrations() {}

    static void run(DataSource dataSource, Path file) {
        try {
            Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .validateMigrationNaming(true)
                    .load();
            refuseNewerSchema(flyway, file);
            flyway.migrate();
        } catch (FlywayException e) {
            SQLException sql = SqliteErrors.findSqlCause(e);
            String why = sql != null ? SqliteErrors.describe(file, sql)
                    : "cannot update the tables in " + file + ": " + e.getMessage();
            throw new StoreException(why, e);
        }
    }

    /**
     * Flyway by default ignores versions it has no file for and carries on, which would let an
     * older Carrier write into tables shaped for a newer one. Stop instead, before anything is
     * written.
     */
    private static void refuseNewerSchema(Flyway flyway, Path file) {
        Optional<String> newest = Arrays.stream(flyway.info().applied())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .map(Object::toString);
        if (newest.isPresent()) {
            throw new StoreException(file + " was written by a newer version of Carrier (schema version "
                    + newest.get() + "): run that version, or restore a backup made with this one");
        }
    }
}
