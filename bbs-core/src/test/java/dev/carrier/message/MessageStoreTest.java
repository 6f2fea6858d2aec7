package dev.carrier.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.store.OnEveryDialect;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Direct messages: waiting, delivered, paged and read, on SQLite and on PostgreSQL. */
class MessageStoreTest extends OnEveryDialect {

    private static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");

    private MessageStore store;

    @BeforeEach
    void open() {
        store = new SqliteMessageStore(db);
    }

    /** Sent at T0 plus {@code second}: several in one second keep the order they were saved in. */
    private DirectMessage send(String from, String to, String text, int second) {
        DirectMessage message = new DirectMessage(UUID.randomUUID(), from, to, text, T0.plusSeconds(second),
                DirectMessage.Method.OFFLINE, Optional.empty(), Optional.empty());
        store.save(message);
        return message;
    }

    private static List<String> texts(List<DirectMessage> messages) {
        return messages.stream().map(DirectMessage::text).toList();
    }

    @Test
    void waitingMessagesComeInOrderAfterAPositionUntilDeliveredAndTheCapHolds() {
        DirectMessage first = send("alice", "bob", "one", 1);
        send("alice", "bob", "two", 1);
        send("carol", "BOB", "three", 2);

        assertEquals(3, store.countWaiting("bob"));
        assertEquals(List.of("two", "three"), texts(store.waiting("bob", Optional.of(first.id()), 10)));
        assertFalse(store.saveUnlessFull(new DirectMessage(UUID.randomUUID(), "dave", "bob", "four", T0,
                DirectMessage.Method.OFFLINE, Optional.empty(), Optional.empty()), 3));
        assertEquals(1, store.markDelivered("bob", List.of(first.id()), T0.plusSeconds(5)));
        assertEquals(List.of("two", "three"), texts(store.waiting("Bob", Optional.empty(), 10)));
    }

    @Test
    void aConversationPagesBackwardsAndCountsWhatItsReaderHasNotRead() {
        send("alice", "bob", "one", 1);
        DirectMessage two = send("bob", "alice", "two", 2);
        DirectMessage three = send("alice", "bob", "three", 2);
        send("alice", "bob", "four", 3);
        send("carol", "bob", "hi", 4);

        assertEquals(List.of("three", "four"), texts(store.history("bob", "alice", T0.plusSeconds(60), 2)));
        assertEquals(List.of("one", "two"), texts(store.historyBefore("bob", "ALICE", three.id(), 10).orElseThrow()));
        assertTrue(store.historyBefore("carol", "alice", two.id(), 10).isEmpty(), "not carol's conversation");

        List<Conversation> conversations = store.conversations("bob", 10);
        assertEquals(List.of("carol", "alice"), conversations.stream().map(Conversation::peer).toList());
        assertEquals(3, conversations.get(1).unread());
        assertEquals(2, store.markRead("bob", "alice", three.id(), T0.plusSeconds(10)));
        assertEquals(1, store.conversations("bob", 10).get(1).unread());
    }
}
