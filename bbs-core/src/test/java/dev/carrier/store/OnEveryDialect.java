package dev.carrier.store;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A store test that runs once on SQLite and once on PostgreSQL: each test gets {@link #db}, empty
 * and migrated, of {@link #dialect}, closed (and on PostgreSQL dropped) after it.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
public abstract class OnEveryDialect {

    @Parameter
    protected Dialect dialect;

    @RegisterExtension
    protected final TestDatabases databases = new TestDatabases();

    @TempDir
    protected Path dir;

    protected Database db;

    @BeforeEach
    void openDatabase() {
        db = databases.open(dialect, dir);
    }
}
