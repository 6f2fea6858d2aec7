package dev.carrier.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Letters kept in the database, one mailbox per user. Handles are compared without regard to
 * case. Every method blocks: call from the worker pool.
 *
 * <p>Each send stores the whole letter or nothing: one row, or for a bulletin one row per user
 * in a single transaction. A letter the method returned from is on disk.
 */
interface MailStore {

    /**
     * Puts a letter into the recipient's mailbox.
     *
     * @return the stored letter, addressed with the handle as registered; empty when no user has
     *     that handle
     */
    Optional<Letter> send(String from, String to, String subject, String body, Instant at);

    /**
     * Puts a copy of a bulletin into the mailbox of every user but the sender, all in one
     * transaction.
     *
     * @return the handles it went to
     */
    List<String> sendToAll(String from, String subject, String body, Instant at);

    /** The mailbox, oldest first (newest last). */
    List<Envelope> inbox(String recipient);

    /** A letter of this mailbox, marked read from {@code at} on; empty when there is no such letter. */
    Optional<Letter> open(String recipient, long id, Instant at);

    /** Deletes a letter of this mailbox; false when there was no such letter. */
    boolean delete(String recipient, long id);

    /** How many letters of this mailbox are unread. */
    int countNew(String recipient);

    /** Keeps the owner's unfinished letter, replacing any draft they had. */
    void saveDraft(String owner, SavedDraft draft, Instant at);

    /** The owner's draft, removed from the store; empty when there is none. */
    Optional<SavedDraft> takeDraft(String owner);
}
