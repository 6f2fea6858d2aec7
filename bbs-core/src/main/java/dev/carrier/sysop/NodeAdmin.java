package dev.carrier.sysop;

import dev.carrier.audit.AuditLog;
import dev.carrier.session.Nodes;
import dev.carrier.session.Session;
import dev.carrier.text.TextCleaner;
import dev.carrier.user.User;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sysop does to live nodes of a running server: kick a caller, broadcast a line to
 * everyone. The same for the carrier CLI and console and for a sysop's chat commands; each
 * action is written to the {@link AuditLog}.
 *
 * <p>Blocks on the audit log: call from the worker pool. Safe to share between threads.
 */
public final class NodeAdmin {

    public static final int MAX_TEXT = 400;

    private final Nodes nodes;
    private final AuditLog audit;

    private final java.util.List<java.util.function.Consumer<String>> broadcastListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Connections that are not nodes (JSON clients) hear broadcasts through this; wiring time only. */
    public void onBroadcast(java.util.function.Consumer<String> listener) {
        broadcastListeners.add(listener);
    }

    private volatile AppConnections apps = AppConnections.NONE;

    /** Kicks by handle reach the user's JSON connections through this; wiring time only. */
    public void reachApps(AppConnections connections) {
        apps = Objects.requireNonNull(connections, "connections");
    }

    public NodeAdmin(Nodes nodes, AuditLog audit) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * Hangs up on a node ({@code 3}) or on every connection of a user ({@code alice}, any case),
     * JSON connections included, telling them why when a reason is given.
     */
    public Kick kick(String actor, String target, Optional<String> reason) {
        String wanted = target.strip();
        boolean byNode = !wanted.isEmpty() && wanted.chars().allMatch(Character::isDigit);
        List<Session> sessions = byNode ? List.of(onNode(wanted)) : nodes.sessionsOf(wanted);
        int appCount = byNode ? 0 : apps.count(wanted);
        if (sessions.isEmpty() && appCount == 0) throw new SysopException(wanted + " is not online");
        Optional<String> why = reason.map(text -> TextCleaner.clean(text, MAX_TEXT)).filter(text -> !text.isEmpty());
        String handle = sessions.isEmpty() ? wanted : sessions.get(0).user().map(User::handle).orElse("");
        String farewell = "*** You have been disconnected by the sysop" + why.map(text -> ": " + text).orElse(".");
        sessions.forEach(session -> LiveSessions.hangUp(session, farewell));
        int closed = byNode ? 0 : apps.close(wanted, farewell.substring("*** ".length()));
        Kick kick = new Kick(sessions.stream().map(Session::node).toList(), closed);
        audit.record(actor, "kick", (handle.isEmpty() ? "" : handle + " ") + kick.describe()
                + why.map(text -> ": " + text).orElse(""));
        return kick;
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
     * @return how many nodes it went to
     */
    public int broadcast(String actor, String text) {
        String clean = TextCleaner.clean(text, MAX_TEXT);
        if (clean.isEmpty()) throw new SysopException("nothing to broadcast");
        audit.record(actor, "broadcast", clean);
        broadcastListeners.forEach(listener -> listener.accept(clean));
        List<Session> all = nodes.sessions();
        for (Session session : all) {
            if (session.user().isPresent()) {
                session.tell(line(clean), false);
            } else {
                // At the login prompt: shown at once, the prompt and what was typed drawn again below.
                session.execute(() -> session.interject(line(clean) + "\n"));
            }
        }
        return all.size();
    }

    /** How a broadcast reads on a terminal. */
    public static String line(String text) {
        return "*** SYSOP: " + text;
    }
}
