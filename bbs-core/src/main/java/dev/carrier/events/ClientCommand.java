package dev.carrier.events;

import dev.carrier.presence.Status;
import java.util.UUID;

/** What a JSON client may send, already checked. */
public sealed interface ClientCommand {

    record Typing(String to, boolean typing) implements ClientCommand {}

    record MarkRead(String peer, UUID upTo) implements ClientCommand {}

    record SendMessage(String to, String text) implements ClientCommand {}

    record SetStatus(Status status) implements ClientCommand {}

    record ChatSay(String text) implements ClientCommand {}

    /** Proof of life, with what the client says of itself ({@link Beacon#NONE} when nothing). */
    record Keepalive(Beacon beacon) implements ClientCommand {}
}
