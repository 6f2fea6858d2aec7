package dev.carrier.metrics;

import dev.carrier.message.Conversation;
import dev.carrier.message.DirectMessage;
import dev.carrier.message.MessageStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A message store that says when a direct message is stored and how many are marked delivered,
 * for {@code carrier status}'s messages per minute and the metrics. Everything else passes through.
 */
public final class CountedMessageStore implements MessageStore {

    /** What is told; called on the worker that stored or marked, so it must not block. */
    public interface Counts {
        void dmStored();

        void dmsDelivered(int messages);
    }

    private final MessageStore store;
    private final Counts counts;

    public CountedMessageStore(MessageStore store, Counts counts) {
        this.store = store;
        this.counts = counts;
    }

    @Override
    public void save(DirectMessage message) {
        store.save(message);
        counts.dmStored();
    }

    @Override
    public boolean saveUnlessFull(DirectMessage message, int maxWaiting) {
        boolean saved = store.saveUnlessFull(message, maxWaiting);
        if (saved) counts.dmStored();
        return saved;
    }

    @Override
    public int countWaiting(String recipient) {
        return store.countWaiting(recipient);
    }

    @Override
    public List<DirectMessage> waiting(String recipient, Optional<UUID> after, int limit) {
        return store.waiting(recipient, after, limit);
    }

    @Override
    public int markDelivered(String recipient, Collection<UUID> ids, Instant now) {
        int marked = store.markDelivered(recipient, ids, now);
        if (marked > 0) counts.dmsDelivered(marked);
        return marked;
    }

    @Override
    public List<DirectMessage> history(String user, String peer, Instant before, int limit) {
        return store.history(user, peer, before, limit);
    }

    @Override
    public Optional<List<DirectMessage>> historyBefore(String user, String peer, UUID before, int limit) {
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
}
