package dev.carrier.admin;

import dev.carrier.bus.BusMessage;
import dev.carrier.chat.ChatEvent;
import dev.carrier.message.DirectMessage;
import dev.carrier.message.Conversation;
import dev.carrier.message.MessageStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Messages per minute for {@code carrier status}: chat lines said in the room (seen on the bus)
 * and direct messages (seen as they are stored), counted per second over the last 60 seconds.
 * One lock guards the small ring of counters; every method may be called from any thread.
 */
public final class Traffic {

    private static final int SECONDS = 60;

    private final Clock clock;
    private final long[] second = new long[SECONDS];
    private final int[] count = new int[SECONDS];

    public Traffic(Clock clock) {
        this.clock = clock;
    }

    /** A bus subscriber: counts lines said or acted in the chat room. */
    public void onBus(BusMessage message) {
        if (message instanceof ChatEvent.Public || message instanceof ChatEvent.Action) count();
    }

    /** Counts one message now. */
    public synchronized void count() {
        long now = clock.instant().getEpochSecond();
        int slot = (int) Math.floorMod(now, (long) SECONDS);
        if (second[slot] != now) {
            second[slot] = now;
            count[slot] = 0;
        }
        count[slot]++;
    }

    /** Messages in the 60 seconds up to now. */
    public synchronized int perMinute() {
        long now = clock.instant().getEpochSecond();
        int total = 0;
        for (int i = 0; i < SECONDS; i++) {
            if (now - second[i] < SECONDS && second[i] <= now) total += count[i];
        }
        return total;
    }

    /** The store with every direct message saved through it counted. */
    public MessageStore counting(MessageStore store) {
        return new MessageStore() {
            @Override
            public void save(DirectMessage message) {
                store.save(message);
                count();
            }

            @Override
            public boolean saveUnlessFull(DirectMessage message, int maxWaiting) {
                boolean saved = store.saveUnlessFull(message, maxWaiting);
                if (saved) count();
                return saved;
            }

            @Override
            public int countWaiting(String recipient) {
                return store.countWaiting(recipient);
            }

            @Override
            public List<DirectMessage> waiting(String recipient, java.util.Optional<UUID> after, int limit) {
                return store.waiting(recipient, after, limit);
            }

            @Override
            public int markDelivered(String recipient, java.util.Collection<UUID> ids, Instant now) {
                return store.markDelivered(recipient, ids, now);
            }

            @Override
            public List<DirectMessage> history(String user, String peer, Instant before, int limit) {
                return store.history(user, peer, before, limit);
            }

            @Override
            public java.util.Optional<List<DirectMessage>> historyBefore(String user, String peer, UUID before,
                    int limit) {
                return store.historyBefore(user, peer, before, limit);
            }

            @Override
            public int markRead(String reader, String peer, UUID upTo, Instant now) {
                return store.markRead(reader, peer, upTo, now);
            }

            @Override
            public List<Conversation> conversations(String user, int limit) {
                return store.conversations(user, limit);
            }
        };
    }
}
