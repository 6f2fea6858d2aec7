package dev.carrier.presence;

import dev.carrier.bus.BusMessage;
import java.time.Instant;
import java.util.Optional;

/**
 * A user's status changed. Published once per change; never when nothing changed.
 *
 * @param displayName the display name, or the handle when none is set
 * @param text the away text the user gave, if any
 * @param at when it changed; for a disconnect, when the person was last seen
 */
public record PresenceEvent(String handle, String displayName, Status from, Status to, Reason reason, Optional<String> text, Instant at)
        implements BusMessage {

    public enum Reason { MANUAL, IDLE, CONNECT, DISCONNECT }
}
