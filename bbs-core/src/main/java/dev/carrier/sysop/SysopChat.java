package dev.carrier.sysop;

import dev.carrier.bus.Bus;
import dev.carrier.session.Nodes;
import dev.carrier.session.Session;
import dev.carrier.user.User;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The sysop's break-in chat: {@code /chat HANDLE} pulls the caller, wherever they are on the BBS,
 * into a two-person chat with the sysop until either types {@code /end}; then each is back
 * exactly where they were ({@link Session#breakIn}). And {@code /page sysop}, which rings every
 * sysop online and the console's live feed.
 *
 * <p>Stateless beyond its collaborators; each chat is one {@link BreakIn} shared by its two stages.
 */
public final class SysopChat {

    private final Nodes nodes;
    private final Bus bus;
    private final Clock clock;

    public SysopChat(Nodes nodes, Bus bus, Clock clock) {
        this.nodes = nodes;
        this.bus = bus;
        this.clock = clock;
    }

    /**
     * The sysop on {@code sysopSession} breaks in on the caller's most recently active connection;
     * what the sysop reads, empty once the chat is on its way. Any thread: each side is moved to its
     * own executor.
     */
    public String breakIn(Session sysopSession, User sysop, String handle) {
        if (handle.equalsIgnoreCase(sysop.handle())) return "Cannot chat with yourself";
        Optional<Session> caller = nodes.sessionsOf(handle).stream()
                .max(Comparator.comparing(Session::lastInputAt));
        if (caller.isEmpty()) return handle + " is not online";
        BreakIn chat = new BreakIn(sysop.handle(), caller.get().requireUser().handle(), sysopSession, caller.get());
        chat.start();
        return "";
    }

    /** Rings every sysop online; the console hears it on its live feed. False when none is online. */
    public boolean page(String from) {
        List<Session> sysops = nodes.sessions().stream()
                .filter(s -> s.user().map(User::sysop).orElse(false))
                .filter(s -> !s.requireUser().handle().equalsIgnoreCase(from)).toList();
        for (Session sysop : sysops) sysop.tell("*** " + from + " is paging the sysop (/chat " + from + ")", true);
        bus.publish(new SysopPage(from, clock.instant()));
        return !sysops.isEmpty();
    }
}
