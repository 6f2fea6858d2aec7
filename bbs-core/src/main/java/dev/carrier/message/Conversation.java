package dev.carrier.message;

/**
 * One peer a user has exchanged direct messages with, as a conversation list shows it.
 *
 * @param last   the latest message between the two, either way
 * @param unread how many messages from the peer the user has not marked read
 */
public record Conversation(String peer, DirectMessage last, int unread) {
}
