package dev.carrier.sysop;

import dev.carrier.bus.Bus;
import dev.carrier.bus.BusMessage;
import dev.carrier.presence.Presence;
import dev.carrier.presence.UserPresence;
import dev.carrier.session.Nodes;
import dev.carrier.session.Session;
import dev.carrier.user.User;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sysop's break-in chat: {@code /chat HANDLE} in chat, or {@code carrier chat HANDLE} at the
 * console, pulls the caller, wherever they are on the BBS, into a two-person chat with the sysop
 * until either types {@code /end}; then each is back exactly where they were
 * ({@link Session#breakIn}). And {@code /page sysop}, which rings every sysop online and the
 * console's live feed.
 *
 * <p>Each chat is one {@link BreakIn}; the console's chats are kept by caller until they end
 * (a concurrent map), since the console speaks through separate admin requests.
 */
public final class SysopChat {

    private final Nodes nodes;
    private final Presence presence;
    private final Bus bus;
    private final Clock clock;
    private final Map<String, BreakIn> fromConsole = new ConcurrentHashMap<>();

    /**
     * @param presence who is online on any server: a page is answered by whether a sysop is
     * @param bus      where a page goes out; every server rings its own sysops' sessions
     */
    @SuppressWarnings("this-escape") // the subscriber only reads final fields set before it
    public SysopChat(Nodes nodes, Presence presence, Bus bus, Clock clock) {
        this.nodes = nodes;
        this.presence = presence;
        this.bus = bus;
        this.clock = clock;
        bus.subscribe(this::onBus);
    }

    /**
     * The sysop on {@code sysopSession} breaks in on the caller's most recently active connection;
     * what the sysop reads, empty once the chat is on its way. Any thread.
     */
    public String breakIn(Session sysopSession, User sysop, String handle) {
        if (handle.equalsIgnoreCase(sysop.handle())) return "Cannot chat with yourself";
        Optional<Session> caller = callerSession(handle);
        if (caller.isEmpty()) return handle + " is not online";
        String name = caller.get().requireUser().handle();
        new BreakIn(BreakIn.session(sysopSession, sysop.handle(), "*** Chatting with " + name
                + ". Type /end to finish.", false), callerSeat(caller.get(), sysop.handle()), () -> { }).start();
        return "";
    }

    /**
     * The console breaks in on the caller; its lines arrive on the live feed as {@link SysopChatLine}s.
     * Empty once the chat is on its way, else why not.
     */
    public Optional<String> breakInFromConsole(String sysop, String handle) {
        Optional<Session> caller = callerSession(handle);
        if (caller.isEmpty()) return Optional.of(handle + " is not online");
        String name = caller.get().requireUser().handle();
        BreakIn chat = new BreakIn(consoleSeat(name), callerSeat(caller.get(), sysop),
                () -> fromConsole.remove(key(name)));
        if (fromConsole.putIfAbsent(key(name), chat) != null) {
            return Optional.of("the console is already chatting with " + name);
        }
        chat.start();
        return Optional.empty();
    }

    /** A line from the console to its chat with the caller; false when there is none. */
    public boolean sayFromConsole(String sysop, String handle, String text) {
        BreakIn chat = fromConsole.get(key(handle));
        if (chat == null) return false;
        chat.say(sysop, text);
        return true;
    }

    /** Ends the console's chat with the caller; false when there was none. */
    public boolean endFromConsole(String handle) {
        BreakIn chat = fromConsole.get(key(handle));
        if (chat == null) return false;
        chat.end(BreakIn.ENDED);
        return true;
    }

    private Optional<Session> callerSession(String handle) {
        return nodes.sessionsOf(handle).stream().max(Comparator.comparing(Session::lastInputAt));
    }

    private static BreakIn.Seat callerSeat(Session caller, String sysop) {
        return BreakIn.session(caller, caller.requireUser().handle(), "*** The sysop (" + sysop
                + ") has broken in for a chat. Type /end to go back to where you were.", true);
    }

    /** The console's side: what it reads goes out on the bus, to its live feed. */
    private BreakIn.Seat consoleSeat(String caller) {
        return new BreakIn.Seat() {
            @Override
            public void open(BreakIn chat) {
                publish("*** Chatting with " + caller + ". Type /end to finish.", false);
            }

            @Override
            public void show(String line) {
                publish(line, false);
            }

            @Override
            public void close(String why) {
                publish(why, true);
            }

            private void publish(String text, boolean ended) {
                bus.publish(new SysopChatLine(caller, text, ended, clock.instant()));
            }
        };
    }

    /**
     * Rings every sysop online, on every server; the console hears it on its live feed. False when
     * no sysop is online anywhere.
     */
    public boolean page(String from) {
        bus.publish(new SysopPage(from, clock.instant()));
        return presence.all().stream().filter(UserPresence::sysop).anyMatch(p -> !p.handle().equalsIgnoreCase(from));
    }

    /** A page from this server or another rings the sysops' sessions here. */
    private void onBus(BusMessage message) {
        if (!(message instanceof SysopPage page)) return;
        nodes.sessions().stream()
                .filter(s -> s.user().map(User::sysop).orElse(false))
                .filter(s -> !s.requireUser().handle().equalsIgnoreCase(page.from()))
                .forEach(sysop -> sysop.tell("*** " + page.from() + " is paging the sysop (/chat " + page.from() + ")",
                        true));
    }

    private static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }
}
