package dev.carrier.sysop;

import dev.carrier.bus.BusMessage;

/**
 * Hang up every connection of a user, terminal sessions and JSON connections alike, saying
 * {@code farewell} (a sysop's kick by handle, a ban, a deletion). Every server carries it out on
 * its own connections of {@code handle}.
 */
public record HangUpOrder(String handle, String farewell) implements BusMessage {
}
