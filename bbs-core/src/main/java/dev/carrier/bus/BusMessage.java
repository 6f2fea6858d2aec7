package dev.carrier.bus;

/**
 * What the bus carries: {@link dev.carrier.chat.ChatEvent} and
 * {@link dev.carrier.presence.PresenceEvent}, records of plain values so that a clustered bus
 * can serialise them. (Not sealed: Java allows a sealed hierarchy across packages only in a
 * named module.)
 */
public interface BusMessage {
}
