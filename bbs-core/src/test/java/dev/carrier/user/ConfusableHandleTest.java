package dev.carrier.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.store.Database;
import dev.carrier.store.Dialect;
import dev.carrier.store.OnEveryDialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nobody registers a handle that passes for someone else's, or for staff. */
class ConfusableHandleTest extends OnEveryDialect {

    private UserStore users;

    @BeforeEach
    void open() {
        users = new SqliteUserStore(db);
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aIice", "al1ce", "ALICE", "Alice", "a1ice", "al|ce", "alice_", "a-lice", "\u0430lice"})
    void aHandleLikeAnExistingOneIsRefused(String lookalike) {
        User alice = users.create("alice", "hash");

        assertEquals(Optional.of(alice), users.findLookalike(lookalike));
        assertThrows(HandleTakenException.class, () -> users.create(lookalike, "hash"));
        assertEquals(1, users.count());
    }

    @Test
    void aCyrillicLookalikeIsAlsoRefusedByShape() {
        assertTrue(HandleRules.problem("\u0430lice").isPresent());
        assertEquals(HandleRules.skeleton("alice"), HandleRules.skeleton("\u0430lice"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob", "bobby", "rob", "alicia", "malice", "carol", "dave"})
    void ordinaryDistinctHandlesAreAccepted(String handle) {
        users.create("alice", "hash");
        users.create("al", "hash");
        if (!handle.equals("bob")) users.create("bob", "hash");

        assertEquals(Optional.empty(), HandleRules.problem(handle));
        assertEquals(Optional.empty(), users.findLookalike(handle));
        users.create(handle, "hash");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sys0p", "Sysop", "5ysop", "SYS0P", "sysop_", "adm1n", "r00t", "guest_", "A11"})
    void lookalikesOfReservedWordsAreRefused(String handle) {
        assertEquals(Optional.of("that handle is reserved"), HandleRules.problem(handle));
    }

    @ParameterizedTest
    @ValueSource(strings = {"__", "--", "_-_", "-_-_-_"})
    void handlesOfPunctuationAloneAreRefused(String handle) {
        assertEquals(Optional.of("handle must have at least one letter or digit"), HandleRules.problem(handle));
        assertEquals(Optional.of("handle must have at least one letter or digit"), HandleRules.shapeProblem(handle));
    }

    @Test
    void twoLookalikesRegisteredAtOnceLetExactlyOneWin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                CyclicBarrier start = new CyclicBarrier(2);
                String handle = "twin" + "abcdefghjkmnpqrtuvxyz".charAt(round);
                List<Future<User>> attempts = new ArrayList<>();
                for (String spelling : List.of(handle, "tw1n" + handle.substring(4))) {
                    attempts.add(pool.submit(() -> {
                        start.await(5, TimeUnit.SECONDS);
                        return users.create(spelling, "hash");
                    }));
                }
                int wins = 0;
                for (Future<User> attempt : attempts) {
                    try {
                        attempt.get(30, TimeUnit.SECONDS);
                        wins++;
                    } catch (ExecutionException e) {
                        assertInstanceOf(HandleTakenException.class, e.getCause());
                    }
                }
                assertEquals(1, wins, "round " + round);
            }
            assertEquals(20, users.count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anOlderDatabaseGetsSkeletonsAndItsOwnLookalikesKeepTheirHandles() throws Exception {
        db.close();
        db = null;
        Path older = dir.resolve("older");
        java.nio.file.Files.createDirectories(older);
        String url = dialect == Dialect.SQLITE ? "jdbc:sqlite:" + older.resolve(Database.FILE_NAME).toAbsolutePath()
                : databases.postgres(older).jdbcUrl();
        Flyway.configure(getClass().getClassLoader()).dataSource(url, null, null)
                .locations(dialect.migrations().toArray(String[]::new)).target("6").load().migrate();
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO users (handle, password_hash, created_at) VALUES (?, 'hash', '2026-01-01T00:00:00.000Z')")) {
            for (String handle : List.of("alice", "aIice", "bob")) {
                s.setString(1, handle);
                s.executeUpdate();
            }
        }

        try (Database upgraded = databases.open(dialect, older)) {
            UserStore store = new SqliteUserStore(upgraded);
            assertEquals(3, store.count());
            assertEquals("alice", store.findLookalike("al1ce").orElseThrow().handle());
            assertEquals("aIice", store.find("aIice").orElseThrow().handle());
            assertThrows(HandleTakenException.class, () -> store.create("al1ce", "hash"));
            assertThrows(HandleTakenException.class, () -> store.create("b0b", "hash"));
            store.create("carol", "hash");
        }
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery("SELECT handle, handle_skeleton FROM users ORDER BY id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) rows.add(rs.getString(1) + "=" + rs.getString(2));
            assertEquals(List.of("alice=allce", "aIice=null", "bob=bob", "carol=carol"), rows);
        }
    }

    @Test
    void skeletonsOfDifferentLookingHandlesDiffer() {
        assertNotEquals(HandleRules.skeleton("bob"), HandleRules.skeleton("rob"));
        assertNotEquals(HandleRules.skeleton("bob"), HandleRules.skeleton("bobby"));
    }
}
