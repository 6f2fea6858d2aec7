package dev.carrier.profile;

import dev.carrier.bus.Bus;
import dev.carrier.user.User;
import java.time.Clock;

/** Tells the bus when a saved profile differs from what was stored before in a field others see. */
public final class ProfileAnnouncer {

    private final Bus bus;
    private final Clock clock;

    public ProfileAnnouncer(Bus bus, Clock clock) {
        this.bus = bus;
        this.clock = clock;
    }

    /** @return whether anything was announced */
    public boolean saved(User before, User after) {
        if (before.displayName().equals(after.displayName()) && before.tagline().equals(after.tagline())
                && before.location().equals(after.location())) {
            return false;
        }
        bus.publish(new ProfileUpdated(after.handle(), after.shownName(), after.tagline(), after.location(),
                clock.instant()));
        return true;
    }
}
