package dev.carrier.message;

/**
 * One connection where a user is shown direct messages and pages: a terminal session, a JSON
 * client. (Not mail: letters wait in the mail inbox.) A user online on three connections has
 * three sinks, and each gets every message.
 * Called from any thread; implementations hand the work to their own executor.
 */
public interface MessageSink {

    /**
     * A direct message this sink's user sent ({@code mine}) or received.
     *
     * @param ring  whether the recipient's bell rings (not for their own messages, not in DND)
     * @param shown run once the message has been written to this sink's connection (the
     *              transport took it); never run when it was not (the connection closed first,
     *              or the message was held and then dropped), so the message stays waiting
     */
    void direct(DirectMessage message, boolean mine, boolean ring, Runnable shown);

    /** Someone is paging this sink's user. */
    void paged(String from);
}
