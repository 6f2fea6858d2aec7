package dev.carrier.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carrier.store.OnEveryDialect;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rooms and their history as kept between restarts, on SQLite and on PostgreSQL. */
class ChatStoreTest extends OnEveryDialect {

    private static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");

    private ChatStore store;
    private final RoomName games = new RoomName("games");

    @BeforeEach
    void open() {
        store = new SqliteChatStore(db, java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC));
    }

    private ChatEvent said(String text, int second) {
        return new ChatEvent.Public(games, "alice", text, T0.plusSeconds(second));
    }

    @Test
    void aRoomIsKeptWithItsTopicAndInvitationsAndChangesInPlace() {
        store.write(List.of(new RoomState(games, Optional.of("alice"), "dice", true, Set.of("bob", "carol"))));
        store.write(List.of(new RoomState(games, Optional.of("alice"), "cards", true, Set.of("carol"))));

        assertEquals(List.of(new RoomState(games, Optional.of("alice"), "cards", true, Set.of("carol"))), store.rooms());
    }

    @Test
    void ofTwoFoundingsOfOneRoomTheFirstIsKept() {
        store.write(List.of(new RoomFounded(new RoomState(games, Optional.of("alice"), "", false, Set.of())),
                new RoomFounded(new RoomState(games, Optional.of("bob"), "", true, Set.of("carol")))));

        assertEquals(List.of(new RoomState(games, Optional.of("alice"), "", false, Set.of())), store.rooms());
    }

    @Test
    void theNewestLinesOfEachRoomComeBackInOrderAndOlderOnesPageByPage() {
        RoomName other = new RoomName("other");
        store.write(List.of(said("one", 1), said("two", 2), new ChatEvent.Action(games, "alice", "waves", T0.plusSeconds(3)),
                new ChatEvent.System(other, "alice set the topic: x", T0.plusSeconds(4)), said("four", 5)));

        Map<RoomName, List<ChatEvent>> recent = store.recent(2);
        assertEquals(List.of(new ChatEvent.Action(games, "alice", "waves", T0.plusSeconds(3)), said("four", 5)),
                recent.get(games));
        assertEquals(1, recent.get(other).size());

        List<HistoryLine> last = store.before(games, Long.MAX_VALUE, 2);
        List<HistoryLine> earlier = store.before(games, last.get(0).id(), 10);
        assertEquals(List.of(said("one", 1), said("two", 2)), earlier.stream().map(HistoryLine::event).toList());
    }

    @Test
    void pruningKeepsTheNewestLinesPerRoomAndDropsTheOldOnes() {
        RoomName other = new RoomName("other");
        ChatEvent elsewhere = new ChatEvent.Public(other, "bob", "quiet here", T0.plusSeconds(2));
        store.write(List.of(said("one", 1), elsewhere, said("two", 2), said("three", 3), said("four", 4)));

        assertEquals(2, store.prune(2, T0));
        assertEquals(List.of(said("three", 3), said("four", 4)), store.recent(10).get(games));
        assertEquals(List.of(elsewhere), store.recent(10).get(other), "a room under the limit keeps every line");
        assertEquals(2, store.prune(10, T0.plusSeconds(4)));
        assertEquals(List.of(said("four", 4)), store.recent(10).get(games));
    }
}
