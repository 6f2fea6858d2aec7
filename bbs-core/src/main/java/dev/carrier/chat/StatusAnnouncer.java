package dev.carrier.chat;

import dev.carrier.bus.Bus;
import dev.carrier.presence.PresenceEvent;

/**
 * Tells every room someone is in when they chose a new status ({@code *** bob is away: lunch}).
 * Idle flips, logins and logouts are not announced: the room hears joins and leaves instead. Only
 * the server where the choice was made announces it ({@link PresenceEvent#here}), once for the
 * cluster: the rooms are the person's rooms on every server.
 */
public final class StatusAnnouncer {

    private StatusAnnouncer() {}

    public static void attach(Bus bus, ChatManager chat) {
        bus.subscribe(message -> {
            if (message instanceof PresenceEvent event && event.reason() == PresenceEvent.Reason.MANUAL
                    && event.here()) {
                chat.announceAbout(event.handle(), line(event));
            }
        });
    }

    static String line(PresenceEvent event) {
        return switch (event.to()) {
            case AWAY -> event.handle() + " is away" + event.text().map(t -> ": " + t).orElse("");
            case DND -> event.handle() + " does not want to be disturbed";
            default -> event.handle() + " is back";
        };
    }
}
