package dev.carrier.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.carrier.bus.InProcessBus;
import dev.carrier.presence.Presence;
import dev.carrier.runtime.ManualTime;
import dev.carrier.runtime.Workers;
import dev.carrier.store.OnEveryDialect;
import dev.carrier.user.SqliteUserStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A direct message counts as delivered only once an inbox of its recipient has written it. */
class DeliveryFollowsWritesTest extends OnEveryDialect {

    private final ManualTime time = new ManualTime();
    private Workers workers;
    private MessageStore store;
    private Messenger messenger;

    /** An inbox whose connection has not (yet) taken what it was handed. */
    private static final class SlowInbox implements MessageSink {
        final List<Runnable> unwritten = new ArrayList<>();

        @Override
        public synchronized void direct(DirectMessage message, boolean mine, boolean ring, Runnable shown) {
            if (!mine) unwritten.add(shown);
        }

        @Override
        public void paged(String from) {
        }

        synchronized void writeAll() {
            unwritten.forEach(Runnable::run);
        }
    }

    @BeforeEach
    void start() {
        workers = new Workers(2, 100);
        SqliteUserStore users = new SqliteUserStore(db, time);
        users.create("alice", "x");
        users.create("bob", "x");
        store = new SqliteMessageStore(db);
        messenger = new Messenger(new MessageSinks(), new Presence(new InProcessBus(), time, Duration.ofMinutes(15)), store,
                users, workers, time, SendBudgets.unlimited(time), 3);
    }

    @AfterEach
    void stop() {
        workers.close();
        db.close();
    }

    @Test
    void aDmHandedToAnInboxThatClosesBeforeWritingItStaysWaiting() {
        SlowInbox bob = new SlowInbox();
        messenger.open("bob", bob);
        SendResult result = messenger.send("alice", "bob", "hello").join();
        assertInstanceOf(SendResult.Delivered.class, result);
        messenger.close("bob", bob);
        // Before: marked delivered as soon as bob looked online, and lost when he left.
        assertEquals(1, store.countWaiting("bob"));
        assertEquals(List.of("hello"), messenger.waiting("bob", Optional.empty(), 10).join().page().stream()
                .map(DirectMessage::text).toList());
    }

    @Test
    void aDmIsDeliveredOnceOneInboxHasWrittenIt() {
        SlowInbox phone = new SlowInbox();
        SlowInbox laptop = new SlowInbox();
        messenger.open("bob", phone);
        messenger.open("bob", laptop);
        messenger.send("alice", "bob", "hello").join();
        assertEquals(1, store.countWaiting("bob"));
        laptop.writeAll();
        phone.writeAll();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> store.countWaiting("bob") == 0);
    }

    @Test
    void sendsBeyondTheCapOnWaitingMessagesAreRefusedWithAWordForTheSender() {
        for (int i = 0; i < 3; i++) assertInstanceOf(SendResult.Stored.class, messenger.send("alice", "bob", "m" + i).join());
        SendResult refused = messenger.send("alice", "bob", "one too many").join();
        assertEquals(new SendResult.Refused(SendResult.Reason.RECIPIENT_FULL,
                "bob's mailbox of waiting messages is full (3); try mail or later"), refused);
        assertEquals(3, store.countWaiting("bob"));
    }
}
