package dev.carrier.sysop;

import dev.carrier.audit.AuditLog;
import dev.carrier.bus.Bus;
import dev.carrier.bus.BusMessage;
import dev.carrier.presence.Presence;
import dev.carrier.presence.UserPresence;
import dev.carrier.session.Nodes;
import dev.carrier.session.Session;
import dev.carrier.text.TextCleaner;
import dev.carrier.user.User;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What a sysop does to live nodes: kick a caller, broadcast a line to everyone. The same for the
 * carrier CLI and console and for a sysop's chat commands; each action is written to the
 * {@link AuditLog} once, by the server where it was asked for.
 *
 * <p>A kick by handle and a broadcast are orders on the bus ({@link HangUpOrder},
 * {@link SysopBroadcast}) that every server carries out on its own connections, this one's
 * included: one path for one server and for several. What the sysop is told counts this server's
 * connections; when the person is also online elsewhere, {@link Kick#elsewhere} says so (an exact
 * count would need every server to answer). A kick by node number stays on this server, whose
 * node numbers they are.
 *
 * <p>Blocks on the audit log: call from the worker pool. Safe to share between threads.
 */
public final class NodeAdmin {

    public static final int MAX_TEXT = 400;

    private final Nodes nodes;
    private final AuditLog audit;
    private final Bus bus;
    private final Presence presence;
    private final List<Consumer<String>> broadcastListeners = new CopyOnWriteArrayList<>();
    private volatile AppConnections apps = AppConnections.NONE;

    /**
     * @param bus      where kicks by handle and broadcasts go out to every server
     * @param presence who is online on any server, for a kick of someone connected elsewhere
     */
    @SuppressWarnings("this-escape") // the subscriber only reads final fields set before it
    public NodeAdmin(Nodes nodes, AuditLog audit, Bus bus, Presence presence) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.presence = Objects.requireNonNull(presence, "presence");
        bus.subscribe(this::onBus);
    }

    /** Connections that are not nodes (JSON clients) hear broadcasts through this; wiring time only. */
    public void onBroadcast(Consumer<String> listener) {
        broadcastListeners.add(listener);
    }

    /** Kicks by handle reach the user's JSON connections through this; wiring time only. */
    public void reachApps(AppConnections connections) {
        apps = Objects.requireNonNull(connections, "connections");
    }

    /**
     * Hangs up on a node ({@code 3}) or on every connection of a user ({@code alice}, any case) on
     * every server, JSON connections included, telling them why when a reason is given.
     */
    public Kick kick(String actor, String target, Optional<String> reason) {
        String wanted = target.strip();
        boolean byNode = !wanted.isEmpty() && wanted.chars().allMatch(Character::isDigit);
        List<Session> sessions = byNode ? List.of(onNode(wanted)) : nodes.sessionsOf(wanted);
        int appCount = byNode ? 0 : apps.count(wanted);
        int anywhere = byNode ? 0 : presence.find(wanted).map(UserPresence::connections).orElse(0);
        boolean elsewhere = anywhere > sessions.size() + appCount;
        if (sessions.isEmpty() && appCount == 0 && !elsewhere) throw new SysopException(wanted + " is not online");
        Optional<String> why = reason.map(text -> TextCleaner.clean(text, MAX_TEXT)).filter(text -> !text.isEmpty());
        String handle = sessions.isEmpty()
                ? presence.find(wanted).map(UserPresence::handle).orElse(wanted)
                : sessions.get(0).user().map(User::handle).orElse("");
        String farewell = "*** You have been disconnected by the sysop" + why.map(text -> ": " + text).orElse(".");
        if (byNode) {
            sessions.forEach(session -> LiveSessions.hangUp(session, farewell));
        } else {
            bus.publish(new HangUpOrder(handle, farewell));
        }
        Kick kick = new Kick(sessions.stream().map(Session::node).toList(), appCount, elsewhere);
        audit.record(actor, "kick", (handle.isEmpty() ? "" : handle + " ") + kick.describe()
                + why.map(text -> ": " + text).orElse(""));
        return kick;
    }

    /**
     * Hangs up every connection of the user on every server, saying {@code farewell} (a ban, a
     * deletion); how many of this server's sessions that was. Nothing is audited here: the
     * account change is.
     */
    public int hangUpEverywhere(String handle, String farewell) {
        int here = nodes.sessionsOf(handle).size();
        hangUpEverywhere(handle, farewell, Optional.empty());
        return here;
    }

    /** As above, sparing one session of this server (where the user changed their password); for {@code Logouts}. */
    public void hangUpEverywhere(String handle, String farewell, Optional<Session> spared) {
        bus.publish(new HangUpOrder(handle, farewell,
                spared.map(session -> new HangUpOrder.Node(presence.server(), session.node()))));
    }

    /** Carries out what the bus brings, from this server or another, on this server's connections. */
    private void onBus(BusMessage message) {
        if (message instanceof HangUpOrder order) {
            Optional<HangUpOrder.Node> spared = order.spared().filter(node -> node.server().equals(presence.server()));
            nodes.sessionsOf(order.handle()).stream()
                    .filter(session -> spared.map(node -> node.node() != session.node()).orElse(true))
                    .forEach(session -> LiveSessions.hangUp(session, order.farewell()));
            apps.close(order.handle(), order.farewell().replaceFirst("^\\*\\*\\* ", ""));
        } else if (message instanceof SysopBroadcast broadcast) {
            show(broadcast.text());
        }
    }

    private Session onNode(String target) {
        int node = target.length() > 6 ? -1 : Integer.parseInt(target);
        return nodes.sessions().stream().filter(session -> session.node() == node).findFirst()
                .orElseThrow(() -> new SysopException("nobody is on node " + target));
    }

    /**
     * Shows {@code *** SYSOP: text} on every node: at once at the login prompt, at a menu and in
     * chat, where it appears in the room between the lines of others; a node in the middle of something that must not
     * be interrupted (a letter being written) sees it when back at a menu.
     *
     * @return how many of this server's nodes it went to (every other server shows it on all of its own)
     */
    public int broadcast(String actor, String text) {
        String clean = TextCleaner.clean(text, MAX_TEXT);
        if (clean.isEmpty()) throw new SysopException("nothing to broadcast");
        audit.record(actor, "broadcast", clean);
        bus.publish(new SysopBroadcast(clean));
        return nodes.sessions().size();
    }

    private void show(String text) {
        broadcastListeners.forEach(listener -> listener.accept(text));
        for (Session session : nodes.sessions()) {
            if (session.user().isPresent()) {
                session.tell(line(text), false);
            } else {
                // At the login prompt: shown at once, the prompt and what was typed drawn again below.
                session.execute(() -> session.interject(line(text) + "\n"));
            }
        }
    }

    /** How a broadcast reads on a terminal. */
    public static String line(String text) {
        return "*** SYSOP: " + text;
    }
}
