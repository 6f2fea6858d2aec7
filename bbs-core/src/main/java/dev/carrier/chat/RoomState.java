package dev.carrier.chat;

import dev.carrier.bus.BusMessage;
import java.util.Optional;
import java.util.Set;

/**
 * What is kept of a room: its owner (none for the lobby), topic, whether it is invite-only and
 * who is invited (lower-case handles). Published on the bus whenever it changes, so the store
 * writes it in the same order as the room's lines.
 */
public record RoomState(RoomName name, Optional<String> owner, String topic, boolean invitationOnly,
        Set<String> invited) implements BusMessage {

    public RoomState {
        invited = Set.copyOf(invited);
    }

    public static RoomState lobby() {
        return new RoomState(RoomName.LOBBY, Optional.empty(), "", false, Set.of());
    }
}
