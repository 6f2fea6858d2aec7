package dev.carrier.who;

import dev.carrier.presence.Status;
import java.time.Duration;
import java.util.Optional;

/**
 * One line of a who list.
 *
 * @param node   the node number, in W; empty in chat's /who, which lists people
 * @param status empty for a node where nobody has logged in yet
 */
public record WhoRow(
        Optional<Integer> node, String handle, Optional<Status> status, Optional<String> statusText,
        Duration idle, String activity, String via) {
}
