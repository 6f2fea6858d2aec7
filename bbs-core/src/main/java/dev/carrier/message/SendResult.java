package dev.carrier.message;

/** What became of a direct message. */
public sealed interface SendResult {

    /** Delivered at once to the recipient's open inboxes. */
    record Delivered(DirectMessage message) implements SendResult {}

    /** The recipient exists but has no connection: stored for their next login. */
    record Stored(DirectMessage message) implements SendResult {}

    /** Nothing was sent or stored; {@code reason} says why, for the sender. */
    record Refused(Reason reason, String message) implements SendResult {}

    enum Reason { EMPTY, TOO_LONG, TO_SELF, NO_SUCH_USER }
}
