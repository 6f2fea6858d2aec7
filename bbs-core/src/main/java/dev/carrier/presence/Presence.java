package dev.carrier.presence;

import dev.carrier.bus.Bus;
import dev.carrier.bus.SerialDrain;
import dev.carrier.presence.PresenceEvent.Reason;
import dev.carrier.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who is online, away or not to be disturbed: one entry per identity, however many connections
 * it has. Owns this state alone; every method takes the one lock.
 *
 * <p>Lock order: a change is computed under the lock and its event queued in {@link #outbox}
 * there, so events leave in the order the changes were made; they are published on the bus only
 * after the lock is released. Bus subscribers may therefore call back here ({@link #find}) from
 * any thread without deadlock. Presence never holds its lock while publishing or while calling
 * anyone else's code.
 *
 * <p>Rules: a user is offline only when their last connection closes; idle for
 * {@code awayAfter} makes an online user away, and their next input makes them online again; a
 * status chosen by hand (away or dnd) wins over the idle detector until the user changes it, and
 * is kept across their logins ({@link #remember}); {@link PresenceKeeper} stores it.
 */
public final class Presence {

    private final Clock clock;
    private final Duration awayAfter;
    private final Map<String, Entry> online = new HashMap<>();
    private final Map<String, ChosenStatus> kept = new HashMap<>();
    private final SerialDrain<PresenceEvent> outbox;

    private static final class Entry {
        final String handle;
        final Instant onlineSince;
        final boolean sysop;
        String displayName;
        int connections;
        Status status = Status.ONLINE;
        boolean chosen;
        Optional<String> text = Optional.empty();
        Instant lastInput;

        Entry(String handle, String displayName, boolean sysop, Instant now) {
            this.handle = handle;
            this.displayName = displayName;
            this.sysop = sysop;
            this.onlineSince = now;
            this.lastInput = now;
        }

        UserPresence view() {
            return new UserPresence(handle, displayName, sysop, status, text, chosen, lastInput, onlineSince,
                    connections);
        }
    }

    public Presence(Bus bus, Clock clock, Duration awayAfter) {
        this.clock = clock;
        this.awayAfter = awayAfter;
        this.outbox = new SerialDrain<>(bus::publish);
    }

    private static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }

    /**
     * The chosen statuses kept from earlier logins (read from the store at start-up); each applies
     * at its person's next connection.
     */
    public synchronized void remember(Map<String, ChosenStatus> choices) {
        choices.forEach((handle, choice) -> kept.put(key(handle), choice));
    }

    /** A connection of this user opened (logged in). */
    public void connected(User user) {
        changing(() -> connectedLocked(user.handle(), user.shownName(), user.sysop()));
    }

    /** A connection of someone known only by handle (no display name, not a sysop). */
    public void connected(String handle) {
        changing(() -> connectedLocked(handle, handle, false));
    }

    private void connectedLocked(String handle, String displayName, boolean sysop) {
        Instant now = clock.instant();
        Entry entry = online.get(key(handle));
        if (entry == null) {
            entry = new Entry(handle, displayName, sysop, now);
            ChosenStatus choice = kept.get(key(handle));
            if (choice != null) {
                entry.status = choice.status();
                entry.text = choice.text();
                entry.chosen = true;
            }
            online.put(key(handle), entry);
            publish(entry, Status.OFFLINE, Reason.CONNECT, now);
        }
        entry.connections++;
        entry.lastInput = now;
    }

    /** A connection of this user closed; the last one takes them offline. */
    public void disconnected(String handle) {
        changing(() -> disconnectedLocked(handle));
    }

    private void disconnectedLocked(String handle) {
        Entry entry = online.get(key(handle));
        if (entry == null) return;
        if (--entry.connections > 0) return;
        online.remove(key(handle));
        Status was = entry.status;
        entry.status = Status.OFFLINE;
        entry.text = Optional.empty();
        publish(entry, was, Reason.DISCONNECT, clock.instant());
    }

    /** The user typed something on any connection: not idle, and back from idle-away. */
    public void input(String handle) {
        changing(() -> inputLocked(handle, clock.instant()));
    }

    /**
     * A client reports its person's last input at {@code at} (an app's beacon): as {@link #input}
     * when that is later than any input known, and back from idle-away only if it is recent enough.
     */
    public void inputAt(String handle, Instant at) {
        changing(() -> inputLocked(handle, at));
    }

    private void inputLocked(String handle, Instant at) {
        Entry entry = online.get(key(handle));
        if (entry == null || at.isBefore(entry.lastInput)) return;
        Instant now = clock.instant();
        entry.lastInput = at.isAfter(now) ? now : at;
        if (entry.status == Status.AWAY && !entry.chosen
                && Duration.between(entry.lastInput, now).compareTo(awayAfter) < 0) {
            entry.status = Status.ONLINE;
            publish(entry, Status.AWAY, Reason.IDLE, now);
        }
    }

    /**
     * A status chosen by hand ({@code /away lunch}, {@code /dnd}, {@code /back}). Choosing
     * online clears the choice, so the idle detector works again.
     *
     * @return false when the user is not online
     */
    public boolean choose(String handle, Status status, Optional<String> text) {
        if (status == Status.OFFLINE) throw new IllegalArgumentException("offline is not a choice");
        boolean[] online = new boolean[1];
        changing(() -> online[0] = chooseLocked(handle, status, text));
        return online[0];
    }

    private boolean chooseLocked(String handle, Status status, Optional<String> text) {
        Entry entry = online.get(key(handle));
        if (entry == null) return false;
        Instant now = clock.instant();
        Status was = entry.status;
        Optional<String> oldText = entry.text;
        entry.chosen = status != Status.ONLINE;
        entry.text = status == Status.ONLINE ? Optional.empty() : text;
        entry.status = status;
        entry.lastInput = now;
        if (entry.chosen) kept.put(key(handle), new ChosenStatus(status, entry.text));
        else kept.remove(key(handle));
        if (was != status || !oldText.equals(entry.text)) publish(entry, was, Reason.MANUAL, now);
        return true;
    }

    /** Turns users idle past the limit away; called periodically. */
    public void checkIdle() {
        changing(this::checkIdleLocked);
    }

    private void checkIdleLocked() {
        Instant now = clock.instant();
        for (Entry entry : online.values()) {
            if (entry.status == Status.ONLINE && !entry.chosen
                    && !Duration.between(entry.lastInput, now).minus(awayAfter).isNegative()) {
                entry.status = Status.AWAY;
                publish(entry, Status.ONLINE, Reason.IDLE, now);
            }
        }
    }

    /** The person's display name changed (their profile); shown from now on. */
    public synchronized void renamed(String handle, String displayName) {
        Entry entry = online.get(key(handle));
        if (entry != null) entry.displayName = displayName;
    }

    public synchronized Optional<UserPresence> find(String handle) {
        return Optional.ofNullable(online.get(key(handle))).map(Entry::view);
    }

    public synchronized Status status(String handle) {
        Entry entry = online.get(key(handle));
        return entry == null ? Status.OFFLINE : entry.status;
    }

    /** Everyone online, by handle. */
    public synchronized List<UserPresence> all() {
        List<UserPresence> all = new ArrayList<>();
        for (Entry entry : online.values()) all.add(entry.view());
        all.sort(Comparator.comparing(p -> p.handle().toLowerCase(Locale.ROOT)));
        return all;
    }

    /**
     * Runs {@code subscribe} and takes everyone's presence as one step, so that a new viewer
     * misses no change between its snapshot and its live events.
     */
    public synchronized List<UserPresence> subscribeWithSnapshot(Runnable subscribe) {
        subscribe.run();
        return all();
    }

    public Duration awayAfter() {
        return awayAfter;
    }

    /** Makes a change under the lock, then publishes what it queued once the lock is released. */
    private void changing(Runnable change) {
        synchronized (this) {
            change.run();
        }
        outbox.drain();
    }

    /** Under the lock: queued in change order, published by {@link #changing} after the lock. */
    private void publish(Entry entry, Status from, Reason reason, Instant now) {
        outbox.enqueue(new PresenceEvent(entry.handle, entry.displayName, from, entry.status, reason, entry.text, now));
    }
}
