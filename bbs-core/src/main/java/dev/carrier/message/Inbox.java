package dev.carrier.message;

/**
 * Somewhere a user reads direct messages and pages: a terminal session, a JSON client. A user
 * online on three connections has three inboxes, and each gets every message.
 * Called from any thread; implementations hand the work to their own executor.
 */
public interface Inbox {

    /**
     * A direct message this inbox's user sent ({@code mine}) or received.
     *
     * @param ring whether the recipient's bell rings (not for their own messages, not in DND)
     */
    void direct(DirectMessage message, boolean mine, boolean ring);

    /** Someone is paging this inbox's user. */
    void paged(String from);
}
