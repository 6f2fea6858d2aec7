package dev.carrier.who;

import dev.carrier.presence.Presence;
import dev.carrier.presence.Status;
import dev.carrier.presence.UserPresence;
import dev.carrier.runtime.Workers;
import dev.carrier.session.Session;
import dev.carrier.user.User;
import dev.carrier.user.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** {@code /whois bob}: the BBS version of a profile card. */
public final class ProfileCard {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final UserStore users;
    private final Presence presence;
    private final Workers workers;
    private final Clock clock;

    public ProfileCard(UserStore users, Presence presence, Workers workers, Clock clock) {
        this.users = users;
        this.presence = presence;
        this.workers = workers;
        this.clock = clock;
    }

    /** Looks the user up on a worker, shows the card on the session, then runs {@code then}. */
    public void show(Session session, String handle, Runnable then) {
        session.await(workers.submit(() -> users.find(handle)), user -> {
            if (user.isEmpty()) {
                session.writeLine("No such user: " + handle);
            } else {
                session.write(render(user.get(), presence.find(handle), clock.instant()));
            }
            then.run();
        });
    }

    static String render(User user, Optional<UserPresence> online, Instant now) {
        StringBuilder card = new StringBuilder("\n");
        card.append(user.handle());
        if (!user.displayName().isBlank()) card.append(" (").append(user.displayName()).append(')');
        card.append('\n');
        Status status = online.map(UserPresence::status).orElse(Status.OFFLINE);
        card.append("  Status:    ").append(status.title())
                .append(online.flatMap(UserPresence::text).map(t -> ": " + t).orElse("")).append('\n');
        online.ifPresent(p -> {
            card.append("  Idle:      ").append(WhoList.idle(p.idle(now))).append('\n');
            card.append("  On since:  ").append(WHEN.format(p.onlineSince())).append('\n');
        });
        user.lastLoginAt().ifPresent(at -> card.append("  Last login: ").append(WHEN.format(at)).append('\n'));
        if (!user.location().isBlank()) card.append("  From:      ").append(user.location()).append('\n');
        if (!user.tagline().isBlank()) card.append("  \"").append(user.tagline()).append("\"\n");
        return card.toString();
    }
}
