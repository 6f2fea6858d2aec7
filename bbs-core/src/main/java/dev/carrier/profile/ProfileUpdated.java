package dev.carrier.profile;

import dev.carrier.bus.BusMessage;
import java.time.Instant;

/**
 * Someone's display name, tagline or location changed; published only when one of them did, so
 * clients can update what they show without looking the profile up again.
 *
 * @param displayName the display name, or the handle when none is set
 * @param tagline     empty when unset
 * @param location    empty when unset
 */
public record ProfileUpdated(String handle, String displayName, String tagline, String location, Instant at)
        implements BusMessage {
}
