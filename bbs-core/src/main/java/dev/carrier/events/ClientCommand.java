package dev.carrier.events;

import dev.carrier.chat.RoomName;
import dev.carrier.presence.Status;
import java.util.Optional;
import java.util.UUID;

/** What a JSON client may send, already checked. */
public sealed interface ClientCommand {

    /** Typing to one person ({@code to}) or in the client's room ({@code room}); exactly one is given. */
    record Typing(Optional<String> to, Optional<RoomName> room, boolean typing) implements ClientCommand {}

    record MarkRead(String peer, UUID upTo) implements ClientCommand {}

    record SendMessage(String to, String text) implements ClientCommand {}

    record SetStatus(Status status) implements ClientCommand {}

    /** A line in the client's room; {@code room}, when given, must be that room. */
    record ChatSay(Optional<RoomName> room, String text) implements ClientCommand {}

    record JoinRoom(RoomName room, boolean invitationOnly) implements ClientCommand {}

    record LeaveRoom() implements ClientCommand {}

    /** Proof of life, with what the client says of itself ({@link Beacon#NONE} when nothing). */
    record Keepalive(Beacon beacon) implements ClientCommand {}
}
