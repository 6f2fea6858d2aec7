package dev.carrier.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Direct messages kept in the database. Every method blocks: call from the worker pool. */
public interface MessageStore {

    void save(DirectMessage message);

    /**
     * Saves the message unless its recipient already has {@code maxWaiting} messages waiting
     * (not yet delivered); one statement, so parallel senders cannot pass the cap together.
     *
     * @return false when the recipient's waiting messages are at the cap and nothing was saved
     */
    boolean saveUnlessFull(DirectMessage message, int maxWaiting);

    /** How many messages wait for the user (not yet written to any of their connections). */
    int countWaiting(String recipient);

    /**
     * Up to {@code limit} of the messages waiting for the user, oldest first, after the given one
     * (from the oldest when empty). Marks nothing: see {@link #markDelivered}.
     */
    List<DirectMessage> waiting(String recipient, java.util.Optional<UUID> after, int limit);

    /** Marks these messages to the user delivered, unless they already are; returns how many changed. */
    int markDelivered(String recipient, java.util.Collection<UUID> ids, Instant now);

    /** The conversation between two users, oldest first: up to {@code limit} sent before {@code before}. */
    List<DirectMessage> history(String user, String peer, Instant before, int limit);

    /**
     * The conversation before a given message of it, oldest first: for paging back from the
     * oldest message a client has. Empty when {@code before} is not a message between the two.
     */
    java.util.Optional<List<DirectMessage>> historyBefore(String user, String peer, UUID before, int limit);

    /**
     * Everyone the user has exchanged messages with, the most recent conversation first, each
     * with its latest message and how many of the peer's messages are unread; up to {@code limit}.
     */
    List<Conversation> conversations(String user, int limit);

    /** Marks messages from {@code peer} to {@code reader} up to and including {@code upTo} read. */
    int markRead(String reader, String peer, UUID upTo, Instant now);
}
