package dev.carrier.presence;

import dev.carrier.bus.BusMessage;
import java.time.Instant;
import java.util.Optional;

/**
 * A status chosen by hand on one server ({@code /away}, {@code /dnd}, {@code /back} as
 * {@link Status#ONLINE}); every server applies it to the person, the latest {@code at} winning.
 */
public record PresenceChoice(String server, String handle, Status status, Optional<String> text, Instant at)
        implements BusMessage {
}
