package dev.carrier.who;

import dev.carrier.presence.Status;
import java.time.Duration;
import java.util.Optional;

/**
 * One line of a who list.
 *
 * @param node        the node number, in W; empty in chat's /who, which lists people
 * @param displayName the display name, or the handle when none is set
 * @param status      empty for a node where nobody has logged in yet
 * @param activity    what the node is doing; for someone offline, when they were last seen
 */
public record WhoRow(
        Optional<Integer> node, String handle, String displayName, boolean sysop, Optional<Status> status,
        Optional<String> statusText, Duration idle, String activity, String via) {

    /** How the list names the person: {@code Alice Smith (alice)} where there is room, else the handle. */
    String name(boolean wide) {
        String name = wide && !displayName.isBlank() && !displayName.equals(handle)
                ? displayName + " (" + handle + ")" : handle;
        return sysop ? name + " [sysop]" : name;
    }
}
