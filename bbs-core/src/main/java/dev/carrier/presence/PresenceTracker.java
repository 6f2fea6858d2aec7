package dev.carrier.presence;

import dev.carrier.session.Session;
import dev.carrier.session.SessionListener;

/** Feeds {@link Presence} from sessions: logins, keystrokes and logouts. */
public final class PresenceTracker implements SessionListener {

    private final Presence presence;

    public PresenceTracker(Presence presence) {
        this.presence = presence;
    }

    @Override
    public void loggedIn(Session session) {
        presence.connected(session.requireUser());
    }

    @Override
    public void input(Session session) {
        presence.input(session.requireUser().handle());
    }

    @Override
    public void loggedOut(Session session) {
        presence.disconnected(session.requireUser().handle());
    }
}
