package dev.carrier.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carrier.store.OnEveryDialect;
import dev.carrier.user.SqliteUserStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Chosen statuses and last-seen times kept between connections, on SQLite and on PostgreSQL. */
class PresenceStoreTest extends OnEveryDialect {

    private static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");

    private PresenceStore store;

    @BeforeEach
    void open() {
        SqliteUserStore users = new SqliteUserStore(db);
        for (String handle : List.of("Alice", "bob", "carol", "dave")) users.create(handle, "hash");
        store = new SqlitePresenceStore(db);
    }

    @Test
    void aChoiceIsKeptUntilForgottenAndAnOlderWriteNeverWinsOverANewerOne() {
        ChosenStatus away = new ChosenStatus(Status.AWAY, Optional.of("lunch"));
        store.choose("alice", Optional.of(away), T0.plusSeconds(10));
        store.choose("alice", Optional.of(new ChosenStatus(Status.DND, Optional.empty())), T0);
        assertEquals(Map.of("Alice", away), store.chosenStatuses());

        store.choose("ALICE", Optional.empty(), T0.plusSeconds(20));
        assertEquals(Map.of(), store.chosenStatuses());
    }

    @Test
    void aLastSeenTimeOnlyMovesForward() {
        // Every server that saw a dead server's people go writes their time, in any order.
        store.seen("bob", T0.plusSeconds(9));
        store.seen("bob", T0.plusSeconds(7));
        assertEquals(Optional.of(T0.plusSeconds(9)), store.lastSeen("bob"));
        store.seen("bob", T0.plusSeconds(12));
        assertEquals(Optional.of(T0.plusSeconds(12)), store.lastSeen("bob"));
    }

    @Test
    void theRecentlySeenComeNewestFirstAndMembersPageByHandleWithoutCase() {
        store.seen("bob", T0);
        store.seen("alice", T0.plusSeconds(5));
        assertEquals(Optional.of(T0.plusSeconds(5)), store.lastSeen("ALICE"));
        assertEquals(Optional.empty(), store.lastSeen("carol"));
        assertEquals(List.of("Alice", "bob"), store.recentlySeen(10).stream().map(Member::handle).toList());

        assertEquals(List.of("Alice", "bob"), store.members("", 2).stream().map(Member::handle).toList());
        assertEquals(List.of("carol", "dave"), store.members("BOB", 2).stream().map(Member::handle).toList());
    }
}
