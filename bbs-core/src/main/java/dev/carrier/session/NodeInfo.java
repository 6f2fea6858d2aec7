package dev.carrier.session;

import java.time.Instant;
import java.util.Optional;

/**
 * What the node table says of one connection, as W and the sysop tools show it.
 *
 * @param handle empty until the caller logs in
 */
public record NodeInfo(
        int node,
        Optional<String> handle,
        String activity,
        String transport,
        String remoteAddress,
        String terminalType,
        Instant connectedAt,
        Instant lastInputAt) {
}
