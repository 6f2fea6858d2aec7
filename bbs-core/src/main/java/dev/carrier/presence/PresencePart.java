package dev.carrier.presence;

import dev.carrier.bus.BusMessage;
import java.time.Instant;
import java.util.Optional;

/**
 * One server's share of a person's presence: how many connections they have there and whether
 * those are idle. Published by that server whenever the share changes (not on every keystroke);
 * {@code connections == 0} means the person has left that server.
 *
 * @param choice  the latest status chosen by hand that this server knows for the person, so a
 *                heartbeat's share also repairs a choice missed while a link was down
 * @param version the number its server published it under (see {@link dev.carrier.bus.Partitioned})
 */
public record PresencePart(String server, String handle, String displayName, boolean sysop, int connections,
        boolean idle, Instant lastInput, Instant onlineSince, Optional<PresenceChoice> choice, long version)
        implements BusMessage {
}
