package dev.carrier.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The node table: each connection gets the lowest free node number, up to the configured
 * maximum. Connections that are not terminals (JSON clients) hold no number but take a seat
 * under the same maximum ({@link #claimApp}). Shared by every transport's threads; one lock
 * guards the small array and the seat count.
 */
public final class Nodes {

    private final Session[] slots;
    private final Map<String, List<Session>> byHandle = new HashMap<>();
    private int apps;

    public Nodes(int maxNodes) {
        if (maxNodes < 1) throw new IllegalArgumentException("max nodes must be at least 1");
        slots = new Session[maxNodes];
    }

    /** Puts the session made for the lowest free node number into the table, or none when full. */
    public synchronized Optional<Session> claim(IntFunction<Session> sessionForNode) {
        if (inUse() + apps >= slots.length) return Optional.empty();
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == null) {
                Session session = sessionForNode.apply(i + 1);
                slots[i] = session;
                return Optional.of(session);
            }
        }
        return Optional.empty();
    }

    public synchronized void release(Session session) {
        int index = session.node() - 1;
        if (index >= 0 && index < slots.length && slots[index] == session) {
            slots[index] = null;
            notifyAll(); // awaitEmpty
        }
        session.user().ifPresent(user -> {
            List<Session> sessions = byHandle.get(key(user.handle()));
            if (sessions != null) {
                sessions.remove(session);
                if (sessions.isEmpty()) byHandle.remove(key(user.handle()));
            }
        });
    }

    /** Files a session under its user's handle once the user has logged in. */
    synchronized void loggedIn(Session session) {
        String handle = session.requireUser().handle();
        byHandle.computeIfAbsent(key(handle), k -> new ArrayList<>(2)).add(session);
    }

    /** Every live session of a user, found without regard to case. */
    public synchronized List<Session> sessionsOf(String handle) {
        List<Session> sessions = byHandle.get(key(handle));
        return sessions == null ? List.of() : List.copyOf(sessions);
    }

    /** Whether the user has a live session. */
    public synchronized boolean isOnline(String handle) {
        return byHandle.containsKey(key(handle));
    }

    private static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }

    /** The live sessions in node order: a copy, safe to walk while nodes come and go. */
    public synchronized List<Session> sessions() {
        List<Session> live = new ArrayList<>();
        for (Session session : slots) {
            if (session != null) live.add(session);
        }
        return live;
    }

    public List<NodeInfo> snapshot() {
        return sessions().stream().map(Session::info).toList();
    }

    /** Waits until every node is free or the time is up; true when all are free. For a stopping server only. */
    public synchronized boolean awaitEmpty(java.time.Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (inUse() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Terminal nodes in use (JSON clients are counted by {@link #apps()}). */
    public synchronized int inUse() {
        int count = 0;
        for (Session session : slots) {
            if (session != null) count++;
        }
        return count;
    }

    /** A seat for a connection that is not a terminal; false when terminals and apps fill the maximum. */
    public synchronized boolean claimApp() {
        if (inUse() + apps >= slots.length) return false;
        apps++;
        return true;
    }

    public synchronized void releaseApp() {
        if (apps > 0) apps--;
    }

    /** Connections that hold a seat but no node: JSON clients. */
    public synchronized int apps() {
        return apps;
    }

    public int capacity() {
        return slots.length;
    }
}
