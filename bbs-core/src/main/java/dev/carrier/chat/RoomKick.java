package dev.carrier.chat;

import dev.carrier.bus.BusMessage;

/**
 * Someone is put out of a room (its owner's or a sysop's {@code /kick}). Replicated: every server
 * takes the person's connections in the room on it back to the lobby and tells them {@code told};
 * the room hears the announcement once, from the server where the kick was given.
 */
public record RoomKick(RoomName room, String handle, String told) implements BusMessage {
}
