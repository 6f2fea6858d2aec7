package dev.carrier.sysop;

import dev.carrier.audit.AuditLog;
import dev.carrier.session.Nodes;
import dev.carrier.session.Session;
import dev.carrier.text.TextCleaner;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

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

    public NodeAdmin(Nodes nodes, AuditLog audit) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * Hangs up on a node ({@code 3}) or on every connection of a user ({@code alice}, any case),
     * telling them why when a reason is given.
     *
     * @return the nodes hung up, in order
     */
    public List<Integer> kick(String actor, String target, Optional<String> reason) {
        List<Session> sessions = find(target.strip());
        Optional<String> why = reason.map(text -> TextCleaner.clean(text, MAX_TEXT)).filter(text -> !text.isEmpty());
        List<Integer> kicked = sessions.stream().map(Session::node).toList();
        String who = sessions.get(0).user().map(user -> user.handle() + " ").orElse("")
                + (kicked.size() == 1 ? "(node " : "(nodes ")
                + kicked.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
        audit.record(actor, "kick", who + why.map(text -> ": " + text).orElse(""));
        String farewell = "*** You have been disconnected by the sysop" + why.map(text -> ": " + text).orElse(".");
        sessions.forEach(session -> LiveSessions.hangUp(session, farewell));
        return kicked;
    }

    private List<Session> find(String target) {
        if (!target.isEmpty() && target.chars().allMatch(Character::isDigit)) {
            int node = target.length() > 6 ? -1 : Integer.parseInt(target);
            return nodes.sessions().stream().filter(session -> session.node() == node).findFirst()
                    .map(List::of).orElseThrow(() -> new SysopException("nobody is on node " + target));
        }
        List<Session> sessions = nodes.sessionsOf(target);
        if (sessions.isEmpty()) throw new SysopException(target + " is not online");
        return sessions;
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
