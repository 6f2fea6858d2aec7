package dev.carrier.presence;

import dev.carrier.bus.BusMessage;
import java.time.Instant;
import java.util.Optional;

/**
 * A user's status changed. Published once per change; never when nothing changed.
 *
 * @param text the away text the user gave, if any
 */
public record PresenceEvent(String handle, Status from, Status to, Reason reason, Optional<String> text, Instant at)
        implements BusMessage {

    public enum Reason { MANUAL, IDLE, CONNECT, DISCONNECT }
}
