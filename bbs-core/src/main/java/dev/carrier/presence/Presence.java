package dev.carrier.presence;

import dev.carrier.bus.Bus;
import dev.carrier.bus.BusMessage;
import dev.carrier.bus.Partitioned;
import dev.carrier.bus.SerialDrain;
import dev.carrier.presence.PresenceEvent.Reason;
import dev.carrier.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is online, away or not to be disturbed: one entry per identity, however many connections
 * it has on however many servers. Owns this state alone; every method takes the one lock.
 *
 * <p>Shares: this server owns its part of each person (connections here, idle here, display
 * name) and changes it through the methods below; each change others need is published as a
 * {@link PresencePart} naming this server (not every keystroke: only counts, idle flips and
 * names). Other servers' parts arrive as facts, and whole with their heartbeats
 * ({@link #reconcile}); a server gone takes its parts with it ({@link #serverGone}). Choices
 * ({@code /away}) are published as {@link PresenceChoice} and applied by every server, the latest
 * {@code at} winning. A person's status is the merge: offline when no part has connections, else
 * the chosen status if one is chosen, else online if any part is not idle, else away. Each server
 * publishes the merged person's changes itself as {@link PresenceEvent}s (local messages).
 *
 * <p>Lock order: a change is computed under the lock and what it publishes queued in
 * {@link #outbox} there, so facts and events leave in the order the changes were made; they are
 * published on the bus only after the lock is released. Bus subscribers may therefore call back
 * here ({@link #find}) from any thread without deadlock. Presence never holds its lock while
 * publishing or while calling anyone else's code.
 *
 * <p>Rules: a user is offline only when their last connection anywhere closes; idle for
 * {@code awayAfter} makes a part idle, and its next input active again; a status chosen by hand
 * (away or dnd) wins over idleness until the user changes it, and is kept across their logins
 * ({@link #remember}); {@link PresenceKeeper} stores it.
 */
public final class Presence implements Partitioned<PresencePart> {

    /** The server name of a server that is not part of a cluster. */
    public static final String SINGLE_SERVER = "local";

    private final String server;
    private final Clock clock;
    private final Duration awayAfter;
    /** This server's parts, by lower-case handle. */
    private final Map<String, Part> mine = new HashMap<>();
    /** Other servers' parts: lower-case handle, then server. */
    private final Map<String, Map<String, PresencePart>> theirs = new HashMap<>();
    /** The latest choice per person (an online choice clears); kept while they are offline too. */
    private final Map<String, PresenceChoice> choices = new HashMap<>();
    /** What was last published of each person online, to tell what changed. */
    private final Map<String, UserPresence> shown = new HashMap<>();
    /** This server's parts' numbers and those applied of the others (see {@link Partitioned}). Under the lock. */
    private final Numbers numbers = new Numbers();
    private final SerialDrain<BusMessage> outbox;

    /** This server's share of one person. */
    private static final class Part {
        final String handle;
        final boolean sysop;
        final Instant onlineSince;
        String displayName;
        int connections;
        boolean idle;
        Instant lastInput;

        Part(String handle, String displayName, boolean sysop, Instant now) {
            this.handle = handle;
            this.displayName = displayName;
            this.sysop = sysop;
            this.onlineSince = now;
            this.lastInput = now;
        }
    }

    /** A single server's presence: its server name is {@value #SINGLE_SERVER}. */
    public Presence(Bus bus, Clock clock, Duration awayAfter) {
        this(bus, clock, awayAfter, SINGLE_SERVER);
    }

    /** @param server this server's name in the cluster, on every fact it publishes */
    public Presence(Bus bus, Clock clock, Duration awayAfter, String server) {
        this.server = Objects.requireNonNull(server, "server");
        this.clock = clock;
        this.awayAfter = awayAfter;
        this.outbox = new SerialDrain<>(bus::publish);
        bus.subscribe(this::onBus);
    }

    private static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }

    /**
     * The chosen statuses kept from earlier logins (read from the store at start-up); each applies
     * while its person is connected, unless a later choice comes.
     */
    public synchronized void remember(Map<String, ChosenStatus> kept) {
        kept.forEach((handle, choice) -> choices.putIfAbsent(key(handle),
                new PresenceChoice(server, handle, choice.status(), choice.text(), Instant.EPOCH)));
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
        Part part = mine.computeIfAbsent(key(handle), k -> new Part(handle, displayName, sysop, now));
        part.connections++;
        part.lastInput = now;
        shareLocked(part);
        mergeLocked(key(handle), true);
    }

    /** A connection of this user closed; the last one anywhere takes them offline. */
    public void disconnected(String handle) {
        changing(() -> disconnectedLocked(handle));
    }

    private void disconnectedLocked(String handle) {
        Part part = mine.get(key(handle));
        if (part == null) return;
        part.connections--;
        shareLocked(part);
        if (part.connections > 0) return;
        mine.remove(key(handle));
        mergeLocked(key(handle), true);
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
        Part part = mine.get(key(handle));
        if (part == null || at.isBefore(part.lastInput)) return;
        Instant now = clock.instant();
        part.lastInput = at.isAfter(now) ? now : at;
        // Keystrokes stay here; only the flip back from idle is news for the other servers.
        if (part.idle && Duration.between(part.lastInput, now).compareTo(awayAfter) < 0) {
            part.idle = false;
            shareLocked(part);
            mergeLocked(key(handle), true);
        }
    }

    /**
     * A status chosen by hand ({@code /away lunch}, {@code /dnd}, {@code /back}). Choosing
     * online clears the choice, so idleness shows again. Every server applies it.
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
        String key = key(handle);
        if (!shown.containsKey(key)) return false;
        Instant now = clock.instant();
        PresenceChoice choice = new PresenceChoice(server, handle, status,
                status == Status.ONLINE ? Optional.empty() : text, now);
        choices.put(key, choice);
        outbox.enqueue(choice);
        Part part = mine.get(key);
        if (part != null) {
            part.lastInput = now;
            if (part.idle) {
                part.idle = false;
                shareLocked(part);
            }
        }
        mergeLocked(key, true);
        return true;
    }

    /** Marks this server's parts idle past the limit; called periodically. */
    public void checkIdle() {
        changing(this::checkIdleLocked);
    }

    private void checkIdleLocked() {
        Instant now = clock.instant();
        for (Part part : mine.values()) {
            if (!part.idle && !Duration.between(part.lastInput, now).minus(awayAfter).isNegative()) {
                part.idle = true;
                shareLocked(part);
                mergeLocked(key(part.handle), true);
            }
        }
    }

    /** The person's display name changed (their profile); shown from now on. */
    public void renamed(String handle, String displayName) {
        changing(() -> {
            Part part = mine.get(key(handle));
            if (part == null || part.displayName.equals(displayName)) return;
            part.displayName = displayName;
            shareLocked(part);
            if (shown.containsKey(key(handle))) shown.put(key(handle), merged(key(handle)));
        });
    }

    public synchronized Optional<UserPresence> find(String handle) {
        return Optional.ofNullable(merged(key(handle)));
    }

    /** Whether the person has a connection on this server (and not only on others). */
    public synchronized boolean connectedHere(String handle) {
        return mine.containsKey(key(handle));
    }

    public synchronized Status status(String handle) {
        UserPresence person = shown.get(key(handle));
        return person == null ? Status.OFFLINE : person.status();
    }

    /** Everyone online on any server, by handle. */
    public synchronized List<UserPresence> all() {
        List<UserPresence> all = new ArrayList<>();
        for (String key : shown.keySet()) all.add(merged(key));
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

    public String server() {
        return server;
    }

    @Override
    public synchronized Share<PresencePart> ownShare() {
        long last = numbers.last();
        return new Share<>(last, mine.values().stream().map(part -> fact(part, last)).toList());
    }

    @Override
    public void reconcile(String other, Share<PresencePart> share) {
        if (other.equals(server)) return;
        changing(() -> {
            if (!numbers.takes(other, share)) return; // taken before a part we have: stale
            Set<String> touched = new HashSet<>(dropLocked(other));
            for (PresencePart part : share.facts()) {
                if (part.connections() <= 0) continue;
                theirs.computeIfAbsent(key(part.handle()), k -> new HashMap<>()).put(other, part);
                // A choice missed while the link was down comes back with the share; the latest still wins.
                part.choice().ifPresent(this::chooseLocked);
                touched.add(key(part.handle()));
            }
            for (String key : touched) mergeLocked(key, false);
        });
    }

    @Override
    public void serverGone(String other) {
        if (other.equals(server)) return;
        // No one caused these: every server answers for them, and what acts on them is idempotent
        // (the last seen time only moves forward), so the people of a dead server are seen once.
        changing(() -> {
            numbers.forget(other);
            for (String key : dropLocked(other)) mergeLocked(key, true);
        });
    }

    /** Forgets every part of {@code other}; the people that had one. Under the lock. */
    private List<String> dropLocked(String other) {
        List<String> had = new ArrayList<>();
        theirs.entrySet().removeIf(person -> {
            if (person.getValue().remove(other) != null) had.add(person.getKey());
            return person.getValue().isEmpty();
        });
        return had;
    }

    private void onBus(BusMessage message) {
        if (message instanceof PresencePart part && !part.server().equals(server)) {
            changing(() -> applyLocked(part));
        } else if (message instanceof PresenceChoice choice && !choice.server().equals(server)) {
            changing(() -> applyLocked(choice));
        }
    }

    private void applyLocked(PresencePart part) {
        numbers.applied(part.server(), part.version());
        String key = key(part.handle());
        if (part.connections() > 0) {
            theirs.computeIfAbsent(key, k -> new HashMap<>()).put(part.server(), part);
        } else {
            Map<String, PresencePart> parts = theirs.get(key);
            if (parts == null || parts.remove(part.server()) == null) return;
            if (parts.isEmpty()) theirs.remove(key);
        }
        mergeLocked(key, false);
    }

    private void applyLocked(PresenceChoice choice) {
        if (chooseLocked(choice)) mergeLocked(key(choice.handle()), false);
    }

    /** Keeps the choice if it is the latest known for its person; whether it was. Under the lock. */
    private boolean chooseLocked(PresenceChoice choice) {
        String key = key(choice.handle());
        PresenceChoice known = choices.get(key);
        // The latest wins; two at the same moment are settled by server name, the same way everywhere.
        if (known != null && (!choice.at().isAfter(known.at())
                && !(choice.at().equals(known.at()) && choice.server().compareTo(known.server()) > 0))) {
            return false;
        }
        choices.put(key, choice);
        return true;
    }

    /** The person as everyone sees them, from every part and their choice; null when offline. Under the lock. */
    private UserPresence merged(String key) {
        Part part = mine.get(key);
        Map<String, PresencePart> parts = theirs.getOrDefault(key, Map.of());
        if (part == null && parts.isEmpty()) return null;
        String handle = part != null ? part.handle : null;
        String displayName = part != null ? part.displayName : null;
        boolean sysop = part != null && part.sysop;
        int connections = part != null ? part.connections : 0;
        boolean active = part != null && !part.idle;
        Instant lastInput = part != null ? part.lastInput : Instant.MIN;
        Instant onlineSince = part != null ? part.onlineSince : Instant.MAX;
        for (PresencePart other : parts.values()) {
            if (handle == null) {
                handle = other.handle();
                displayName = other.displayName();
            }
            sysop |= other.sysop();
            connections += other.connections();
            active |= !other.idle();
            if (other.lastInput().isAfter(lastInput)) lastInput = other.lastInput();
            if (other.onlineSince().isBefore(onlineSince)) onlineSince = other.onlineSince();
        }
        PresenceChoice choice = choices.get(key);
        boolean chosen = choice != null && choice.status() != Status.ONLINE;
        Status status = chosen ? choice.status() : active ? Status.ONLINE : Status.AWAY;
        return new UserPresence(handle, displayName, sysop, status, chosen ? choice.text() : Optional.empty(),
                chosen, lastInput, onlineSince, connections);
    }

    /**
     * Works out the person again after a change of a part or a choice, and queues the event if
     * their merged presence changed. Under the lock.
     *
     * @param here whether the change was made on this server
     */
    private void mergeLocked(String key, boolean here) {
        UserPresence was = shown.get(key);
        UserPresence now = merged(key);
        Instant at = clock.instant();
        if (now == null) {
            if (was == null) return;
            shown.remove(key);
            outbox.enqueue(new PresenceEvent(was.handle(), was.displayName(), was.status(), Status.OFFLINE,
                    Reason.DISCONNECT, Optional.empty(), at, here));
            return;
        }
        shown.put(key, now);
        if (was == null) {
            outbox.enqueue(new PresenceEvent(now.handle(), now.displayName(), Status.OFFLINE, now.status(),
                    Reason.CONNECT, now.text(), at, here));
        } else if (was.status() != now.status() || !was.text().equals(now.text())) {
            Reason reason = was.chosen() || now.chosen() ? Reason.MANUAL : Reason.IDLE;
            outbox.enqueue(new PresenceEvent(now.handle(), now.displayName(), was.status(), now.status(), reason,
                    now.text(), at, here));
        }
    }

    /** Queues this server's part as a fact for the others. Under the lock. */
    private void shareLocked(Part part) {
        outbox.enqueue(fact(part, numbers.next()));
    }

    private PresencePart fact(Part part, long number) {
        return new PresencePart(server, part.handle, part.displayName, part.sysop, Math.max(0, part.connections),
                part.idle, part.lastInput, part.onlineSince, Optional.ofNullable(choices.get(key(part.handle))), number);
    }

    /** Makes a change under the lock, then publishes what it queued once the lock is released. */
    private void changing(Runnable change) {
        synchronized (this) {
            change.run();
        }
        outbox.drain();
    }
}
