package dev.carrier.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One online user as everyone sees them.
 *
 * @param displayName the display name, or the handle when none is set
 * @param sysop       shown with a badge in who lists
 * @param chosen      whether the status was chosen by hand (it then wins over the idle detector)
 * @param connections how many connections the user has open
 */
public record UserPresence(
        String handle, String displayName, boolean sysop, Status status, Optional<String> text, boolean chosen, Instant lastInput,
        Instant onlineSince, int connections) {

    public Duration idle(Instant now) {
        Duration idle = Duration.between(lastInput, now);
        return idle.isNegative() ? Duration.ZERO : idle;
    }
}
