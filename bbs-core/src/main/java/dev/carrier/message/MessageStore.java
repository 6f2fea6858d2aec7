package dev.carrier.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Direct messages kept in the database. Every method blocks: call from the worker pool. */
public interface MessageStore {

    void save(DirectMessage message);

    /**
     * Marks every message waiting for the user delivered and returns them, oldest first. Atomic,
     * so two connections logging in at once never both get the same message.
     */
    List<DirectMessage> takeWaiting(String recipient, Instant now);

    /** The conversation between two users, oldest first: up to {@code limit} sent before {@code before}. */
    List<DirectMessage> history(String user, String peer, Instant before, int limit);

    /**
     * The conversation before a given message of it, oldest first: for paging back from the
     * oldest message a client has. Empty when {@code before} is not a message between the two.
     */
    java.util.Optional<List<DirectMessage>> historyBefore(String user, String peer, UUID before, int limit);

    /** Marks messages from {@code peer} to {@code reader} up to and including {@code upTo} read. */
    int markRead(String reader, String peer, UUID upTo, Instant now);
}
