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
     * @param ring  whether the recipient's bell rings (not for their own messages, not in DND)
     * @param shown run once the message has been written to this inbox's connection (the
     *              transport took it); never run when it was not (the connection closed first,
     *              or the message was held and then dropped), so the message stays waiting
     */
    void direct(DirectMessage message, boolean mine, boolean ring, Runnable shown);

    /** Someone is paging this inbox's user. */
    void paged(String from);
}
