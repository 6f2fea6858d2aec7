package dev.carrier.sysop;

import dev.carrier.bus.BusMessage;
import java.util.Optional;

/**
 * Hang up every connection of a user, terminal sessions and JSON connections alike, saying
 * {@code farewell} (a sysop's kick by handle, a ban, a deletion, a changed password). Every server
 * carries it out on its own connections of {@code handle}, except the {@code spared} one: the
 * session in which the user changed their password stays.
 */
public record HangUpOrder(String handle, String farewell, Optional<Node> spared) implements BusMessage {

    /** One terminal session in the cluster: its server's name and its node there. */
    public record Node(String server, int node) {}

    public HangUpOrder(String handle, String farewell) {
        this(handle, farewell, Optional.empty());
    }
}
