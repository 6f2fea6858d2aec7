package dev.carrier.events;

import java.time.Instant;
import java.util.Optional;

/**
 * One JSON connection as the sysop's who lists it.
 *
 * @param lastBeaconAt when its last keepalive came; empty if it never sent one (then WebSocket pings alone
 *                     watch it, and it never goes stale)
 * @param stale        its last beacon is older than the presence TTL: it is being dropped
 */
public record AppConnection(String handle, Optional<String> instanceId, String address, Instant connectedAt,
        Beacon beacon, Optional<Instant> lastBeaconAt, boolean stale) {
}
