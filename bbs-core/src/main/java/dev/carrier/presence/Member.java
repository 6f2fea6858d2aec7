package dev.carrier.presence;

import java.time.Instant;
import java.util.Optional;

/**
 * A registered person as a member list shows them, whether or not they are here.
 *
 * @param displayName the display name, or the handle when none is set
 * @param lastSeen    when their last connection ended; empty if never since it was kept
 */
public record Member(String handle, String displayName, boolean sysop, Optional<Instant> lastSeen) {
}
