package dev.carrier.message;

/** What became of a direct message. */
public sealed interface SendResult {

    /**
     * Handed at once to the recipient's open inboxes. It counts as delivered (in the store) once
     * one of them has written it to its connection; if none could, it waits for the next login.
     */
    record Delivered(DirectMessage message) implements SendResult {}

    /** The recipient exists but has no connection: stored for their next login. */
    record Stored(DirectMessage message) implements SendResult {}

    /** Nothing was sent or stored; {@code reason} says why, for the sender. */
    record Refused(Reason reason, String message) implements SendResult {}

    enum Reason {
        EMPTY, TOO_LONG, TO_SELF, NO_SUCH_USER,
        /** The sender spent their budget of messages; the message says when to try again. */
        RATE_LIMITED,
        /** The recipient has as many messages waiting as they may; the message suggests mail. */
        RECIPIENT_FULL
    }
}
