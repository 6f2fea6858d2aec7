package dev.carrier.chat;

import dev.carrier.bus.BusMessage;

/**
 * A room made by someone's first {@code /join}. Two servers may each make the same new room
 * before either hears of the other's; the stream orders their two foundings, and every server
 * (and the store) keeps the first and ignores the later one, so the room has one owner everywhere.
 * Later changes are plain {@link RoomState}s.
 */
public record RoomFounded(RoomState state) implements BusMessage {
}
