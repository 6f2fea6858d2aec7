package dev.carrier.ignore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.store.Database;
import dev.carrier.store.Dialect;
import dev.carrier.store.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import java.util.List;
import java.util.Map;

/** /ignore as kept between restarts, on SQLite and on PostgreSQL. */
@ParameterizedClass
@EnumSource(Dialect.class)
class IgnoreStoreTest {

    @Parameter
    Dialect dialect;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    private Database db;
    private IgnoreStore store;

    @BeforeEach
    void open() {
        db = databases.open(dialect, dir);
        store = new SqliteIgnoreStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anIgnoreIsAddedOnceAndRemovedOnce() {
        assertTrue(store.add("alice", "bob"));
        assertFalse(store.add("alice", "bob"), "a second time changes nothing");
        assertTrue(store.add("alice", "carol"));
        assertTrue(store.add("dave", "bob"));
        assertEquals(Map.of("alice", List.of("bob", "carol"), "dave", List.of("bob")), store.all());

        assertTrue(store.remove("alice", "bob"));
        assertFalse(store.remove("alice", "bob"));
        assertEquals(Map.of("alice", List.of("carol"), "dave", List.of("bob")), store.all());
    }
}
