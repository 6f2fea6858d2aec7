package dev.carrier.who;

import dev.carrier.presence.Presence;
import dev.carrier.presence.PresenceStore;
import dev.carrier.presence.Status;
import dev.carrier.presence.UserPresence;
import dev.carrier.runtime.Workers;
import dev.carrier.session.Session;
import dev.carrier.user.User;
import dev.carrier.user.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** {@code /whois bob}: the BBS version of a profile card, with the person's role and, when offline, when they were last seen. */
public final class ProfileCard {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final UserStore users;
    private final PresenceStore seen;
    private final Presence presence;
    private final Workers workers;
    private final Clock clock;

    public ProfileCard(UserStore users, PresenceStore seen, Presence presence, Workers workers, Clock clock) {
        this.users = users;
        this.seen = seen;
        this.presence = presence;
        this.workers = workers;
        this.clock = clock;
    }

    /** Looks the user up on a worker, shows the card on the session, then runs {@code then}. */
    public void show(Session session, String handle, Runnable then) {
        record Found(Optional<User> user, Optional<Instant> lastSeen) {}
        session.await(workers.submit(() -> new Found(users.find(handle), seen.lastSeen(handle))), found -> {
            if (found.user().isEmpty()) {
                session.writeLine("No such user: " + handle);
            } else {
                session.write(render(found.user().get(), presence.find(handle), found.lastSeen(), clock.instant()));
            }
            then.run();
        });
    }

    static String render(User user, Optional<UserPresence> online, Optional<Instant> lastSeen, Instant now) {
        StringBuilder card = new StringBuilder("\n");
        card.append(user.displayName().isBlank() ? user.handle() : user.displayName() + " (" + user.handle() + ")");
        card.append('\n');
        card.append("  Role:      ").append(user.sysop() ? "Sysop" : "Member").append('\n');
        Status status = online.map(UserPresence::status).orElse(Status.OFFLINE);
        card.append("  Status:    ").append(status.title())
                .append(online.flatMap(UserPresence::text).map(t -> ": " + t).orElse("")).append('\n');
        online.ifPresent(p -> {
            card.append("  Idle:      ").append(WhoList.idle(p.idle(now))).append('\n');
            card.append("  On since:  ").append(WHEN.format(p.onlineSince())).append('\n');
        });
        if (online.isEmpty()) {
            lastSeen.ifPresent(at -> card.append("  Last seen ").append(WhoList.ago(Duration.between(at, now)))
                    .append(" (").append(WHEN.format(at)).append(")\n"));
        }
        user.lastLoginAt().ifPresent(at -> card.append("  Last login: ").append(WHEN.format(at)).append('\n'));
        if (!user.location().isBlank()) card.append("  From:      ").append(user.location()).append('\n');
        if (!user.tagline().isBlank()) card.append("  \"").append(user.tagline()).append("\"\n");
        return card.toString();
    }
}
