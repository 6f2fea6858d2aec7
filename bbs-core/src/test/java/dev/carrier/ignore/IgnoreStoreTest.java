package dev.carrier.ignore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.store.OnEveryDialect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /ignore as kept between restarts, on SQLite and on PostgreSQL. */
class IgnoreStoreTest extends OnEveryDialect {

    private IgnoreStore store;

    @BeforeEach
    void open() {
        store = new SqliteIgnoreStore(db);
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
