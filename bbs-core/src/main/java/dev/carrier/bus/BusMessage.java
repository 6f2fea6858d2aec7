package dev.carrier.bus;

import dev.carrier.chat.ChatEvent;
import dev.carrier.presence.PresenceEvent;

/** The kinds of message the bus carries. */
public sealed interface BusMessage permits ChatEvent, PresenceEvent {
}
