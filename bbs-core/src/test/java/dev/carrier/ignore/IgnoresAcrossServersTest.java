package dev.carrier.ignore;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.bus.LinkedBuses;
import dev.carrier.runtime.Workers;
import dev.carrier.store.OnEveryDialect;
import dev.carrier.user.SqliteUserStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An /ignore made on one server filters on the others too, and its cap holds across them. */
class IgnoresAcrossServersTest extends OnEveryDialect {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Workers workers;
    private Ignores one;
    private Ignores two;

    @BeforeEach
    void start() {
        workers = new Workers(2, 100);
        SqliteUserStore users = new SqliteUserStore(db);
        users.create("Alice", "x");
        for (int i = 0; i <= Ignores.MAX_PER_USER; i++) users.create("user" + i, "x");
        LinkedBuses link = new LinkedBuses();
        one = new Ignores(new SqliteIgnoreStore(db), users, workers, link.add());
        two = new Ignores(new SqliteIgnoreStore(db), users, workers, link.add());
    }

    @AfterEach
    void stop() {
        workers.close();
    }

    @Test
    void anIgnoreAndAnUnignoreOnOneServerHoldOnTheOther() {
        assertEquals(Map.entry(Ignores.Outcome.IGNORED, "user1"), one.ignore("alice", "USER1").join());
        await().atMost(WAIT).until(() -> two.test("ALICE", "user1"));
        assertEquals(List.of("user1"), two.of("alice"));

        assertTrue(two.unignore("alice", "user1").join());
        await().atMost(WAIT).until(() -> !one.test("alice", "user1"));
        assertEquals(List.of(), one.of("alice"));
    }

    @Test
    void theCapCountsWhatTheOtherServerAdded() {
        for (int i = 0; i < Ignores.MAX_PER_USER - 1; i++) one.ignore("alice", "user" + i).join();
        assertEquals(Map.entry(Ignores.Outcome.IGNORED, "user99"), two.ignore("alice", "user99").join());
        assertEquals(Map.entry(Ignores.Outcome.FULL, "user100"), one.ignore("alice", "user100").join());
        await().atMost(WAIT).until(() -> one.of("alice").size() == Ignores.MAX_PER_USER
                && two.of("alice").size() == Ignores.MAX_PER_USER);
    }
}
