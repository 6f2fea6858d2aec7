package dev.carrier.chat;

import dev.carrier.bus.Bus;
import dev.carrier.bus.BusMessage;
import dev.carrier.terminal.SharedText;
import dev.carrier.text.TextCleaner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.BiPredicate;

/**
 * The chat rooms. Lines go out over the {@link Bus} and come back here to be fanned out to the
 * local viewers of their room only, so everyone in a room sees one order and a line costs work
 * only for the people in its room. Membership is per identity and room: a user's first
 * connection in a room announces the join, their last one the leave.
 *
 * <p>Owns the rooms (members, forwarders, scrollback, owner, topic, invitations), all under
 * {@code lock}; it publishes outside the lock. Room changes go out on the bus as
 * {@link RoomState}, so they are stored in the order they were made.
 */
public final class ChatManager {

    public static final int MAX_TOPIC = 120;
    /** Rooms /list and {@code GET /api/rooms} show at most, busiest first. */
    public static final int MAX_LISTED = 50;
    /** Rooms are kept until a sysop removes them, so making them is bounded: per owner, and in all. */
    public static final int MAX_OWNED = 10;
    public static final int MAX_ROOMS = 10_000;

    private final Bus bus;
    private final Clock clock;
    private final ChatConfig config;
    private final BiPredicate<String, String> ignores;
    private final Object lock = new Object();
    private final Map<RoomName, Room> rooms = new HashMap<>();

    /** One connection's place in a room; hand it back to {@link #leave}. Identity matters, not value. */
    public static final class Membership {
        private final RoomName room;
        private final String handle;
        private final Optional<Forwarder> forwarder;
        private final List<ChatEvent> scrollback;
        private final String topic;

        Membership(RoomName room, String handle, Optional<Forwarder> forwarder, List<ChatEvent> scrollback,
                String topic) {
            this.room = room;
            this.handle = handle;
            this.forwarder = forwarder;
            this.scrollback = scrollback;
            this.topic = topic;
        }

        public RoomName room() {
            return room;
        }

        public String handle() {
            return handle;
        }

        /** The room's last lines before this connection came in, oldest first. */
        public List<ChatEvent> scrollback() {
            return scrollback;
        }

        /** The topic when this connection came in; empty for none. */
        public String topic() {
            return topic;
        }
    }

    /** What became of a request to enter a room. */
    public sealed interface Entry {
        record Joined(Membership membership) implements Entry {}

        /** Refused because the room is invite-only, or because no more rooms may be made. */
        record Refused(boolean inviteOnly, String reason) implements Entry {}
    }

    /** One person in a room, once, with the ways they are connected to it. */
    public record Participant(String handle, Set<String> via) {}

    /** A room as /list shows it. */
    public record Listing(RoomName name, int members, String topic, Optional<String> owner, boolean invitationOnly) {}

    private volatile ChatCounters counters = ChatCounters.NONE;

    /**
     * @param stored   the rooms kept from before, and each one's last lines, oldest first
     * @param ignores  whether the first handle ignores the second: their lines are not shown to them
     */
    public ChatManager(Bus bus, Clock clock, ChatConfig config, ChatArchive.Kept stored,
            BiPredicate<String, String> ignores) {
        this.bus = bus;
        this.clock = clock;
        this.config = config;
        this.ignores = ignores;
        rooms.put(RoomName.LOBBY, new Room(RoomState.lobby()));
        for (RoomState state : stored.rooms()) rooms.put(state.name(), new Room(state));
        stored.recent().forEach((name, lines) -> {
            Room room = rooms.computeIfAbsent(name, n -> new Room(new RoomState(n, Optional.empty(), "", false,
                    Set.of())));
            lines.stream().skip(Math.max(0, lines.size() - config.scrollback())).forEach(room.scrollback::add);
        });
        bus.subscribe(this::onBus);
    }

    /** Where the room reports its deliveries and drops; set once at wiring time, before anyone joins. */
    public void countWith(ChatCounters counters) {
        this.counters = java.util.Objects.requireNonNull(counters, "counters");
    }

    /** The lobby only, nothing kept: for tests and tools that need one room. */
    public ChatManager(Bus bus, Clock clock, ChatConfig config) {
        this(bus, clock, config, ChatArchive.Kept.NOTHING, (reader, sender) -> false);
    }

    public ChatConfig config() {
        return config;
    }

    /** Whether lines said here reach the other servers of a cluster now (always on a server of its own). */
    public boolean linked() {
        return bus.linked();
    }

    /**
     * Enters a room, creating it (owned by the visitor) when it is new; {@code invitationOnly}
     * makes a new room, or one the visitor owns, invite-only. Returns the lines said before and
     * starts live delivery to the visitor's viewer. Announces the user only on their first
     * connection in the room.
     */
    public Entry join(RoomName name, Visitor visitor, boolean invitationOnly) {
        boolean first;
        Membership membership;
        Optional<RoomState> changed = Optional.empty();
        synchronized (lock) {
            Room room = rooms.get(name);
            if (room == null) {
                Optional<String> full = tooMany(visitor.handle());
                if (full.isPresent()) return new Entry.Refused(false, full.get());
                room = new Room(new RoomState(name, Optional.of(visitor.handle()), "", invitationOnly, Set.of()));
                rooms.put(name, room);
                changed = Optional.of(room.state());
            } else if (!room.mayEnter(visitor.handle(), visitor.sysop())) {
                return new Entry.Refused(true, name + " is invite-only; ask its owner for an invitation");
            } else if (invitationOnly && !room.invitationOnly && room.owns(visitor.handle())) {
                room.invitationOnly = true;
                changed = Optional.of(room.state());
            }
            Room.Member member = room.members.computeIfAbsent(Room.key(visitor.handle()),
                    k -> new Room.Member(visitor.handle()));
            first = member.connections() == 0;
            member.via.merge(visitor.via(), 1, Integer::sum);
            Optional<Forwarder> forwarder = visitor.viewer().map(v -> new Forwarder(v, config.readerBudget(),
                    visitor.handle(), counters));
            forwarder.ifPresent(room.forwarders::add);
            membership = new Membership(name, visitor.handle(), forwarder, List.copyOf(room.scrollback), room.topic);
            room.seats.put(membership, visitor);
        }
        changed.ifPresent(bus::publish);
        if (first) bus.publish(new ChatEvent.Join(name, visitor.handle(), clock.instant()));
        return new Entry.Joined(membership);
    }

    /** Leaves the room; the user's last connection in it announces the leave. */
    public void leave(Membership membership) {
        Optional<Visitor> gone;
        synchronized (lock) {
            gone = remove(membership);
        }
        if (gone.isPresent() && !isIn(membership.room(), membership.handle())) {
            bus.publish(new ChatEvent.Leave(membership.room(), membership.handle(), clock.instant()));
        }
    }

    /** Why the user may not make another room, if they may not. Under the lock. */
    private Optional<String> tooMany(String handle) {
        if (rooms.size() >= MAX_ROOMS) {
            return Optional.of("there are " + MAX_ROOMS + " rooms already; join one of /list");
        }
        long owned = rooms.values().stream().filter(room -> room.owns(handle)).count();
        return owned >= MAX_OWNED ? Optional.of("you own " + MAX_OWNED + " rooms already; join one of /list")
                : Optional.empty();
    }

    /** Takes the connection out of its room; the visitor it was, or empty if it had left. Under the lock. */
    private Optional<Visitor> remove(Membership membership) {
        membership.forwarder.ifPresent(Forwarder::cancel);
        Room room = rooms.get(membership.room());
        Visitor visitor = room == null ? null : room.seats.remove(membership);
        if (visitor == null) return Optional.empty();
        membership.forwarder.ifPresent(room.forwarders::remove);
        String key = Room.key(membership.handle());
        Room.Member member = room.members.get(key);
        if (member != null) {
            member.via.computeIfPresent(visitor.via(), (via, count) -> count == 1 ? null : count - 1);
            if (member.connections() == 0) room.members.remove(key);
        }
        return Optional.of(visitor);
    }

    private boolean isIn(RoomName name, String handle) {
        synchronized (lock) {
            Room room = rooms.get(name);
            return room != null && room.members.containsKey(Room.key(handle));
        }
    }

    /** Says a line to the room after cleaning it; returns false if nothing was left to say. */
    public boolean say(RoomName room, String from, String text) {
        String clean = TextCleaner.clean(text, config.maxLineLength());
        if (clean.isEmpty()) return false;
        bus.publish(new ChatEvent.Public(room, from, clean, clock.instant()));
        return true;
    }

    public boolean act(RoomName room, String from, String text) {
        String clean = TextCleaner.clean(text, config.maxLineLength());
        if (clean.isEmpty()) return false;
        bus.publish(new ChatEvent.Action(room, from, clean, clock.instant()));
        return true;
    }

    /** A line from the system to one room (a new topic, a kick). */
    public void announce(RoomName room, String text) {
        bus.publish(new ChatEvent.System(room, text, clock.instant()));
    }

    /** A line from the system to every room the user is in (a status they chose). */
    public void announceAbout(String handle, String text) {
        for (RoomName room : roomsOf(handle)) announce(room, text);
    }

    /**
     * Shows or sets the topic. Setting it takes the owner, or a sysop ({@code asSysop}, checked
     * by the caller); everyone in the room hears the change. Returns what the actor reads.
     */
    public String topic(RoomName name, String actor, boolean asSysop, Optional<String> text) {
        String line;
        RoomState changed;
        synchronized (lock) {
            Room room = rooms.get(name);
            if (room == null) return "No such room: " + name;
            if (text.isEmpty()) return room.topic.isEmpty() ? "No topic is set in " + name : "Topic of " + name + ": "
                    + room.topic;
            if (!asSysop && !room.owns(actor)) return ownerOnly(room, "/topic");
            room.topic = TextCleaner.clean(text.get(), MAX_TOPIC);
            changed = room.state();
            line = room.topic.isEmpty() ? actor + " cleared the topic" : actor + " set the topic: " + room.topic;
        }
        bus.publish(changed);
        announce(name, line);
        return "";
    }

    /** Whether the user owns the room (a sysop's powers are checked by the caller). */
    public boolean owns(RoomName name, String handle) {
        synchronized (lock) {
            Room room = rooms.get(name);
            return room != null && room.owns(handle);
        }
    }

    /** Invites someone into a room; only its owner (or a sysop) may. Returns what the actor reads. */
    public String invite(RoomName name, String actor, boolean asSysop, String handle) {
        RoomState changed;
        synchronized (lock) {
            Room room = rooms.get(name);
            if (room == null) return "No such room: " + name;
            if (!asSysop && !room.owns(actor)) return ownerOnly(room, "/invite");
            if (!room.invited.add(Room.key(handle))) return "*** " + handle + " is already invited to " + name;
            changed = room.state();
        }
        bus.publish(changed);
        return "*** Invited " + handle + " to " + name;
    }

    /**
     * Puts someone's connections in this room back in the lobby (owner or sysop); they are told
     * through their {@link Visitor#kicked}. Returns what the actor reads.
     */
    public String kick(RoomName name, String actor, boolean asSysop, String handle, Optional<String> reason) {
        List<Visitor> kicked = new ArrayList<>();
        synchronized (lock) {
            Room room = rooms.get(name);
            if (room == null) return "No such room: " + name;
            if (!asSysop && !room.owns(actor)) return ownerOnly(room, "/kick");
            for (Membership seat : List.copyOf(room.seats.keySet())) {
                if (seat.handle().equalsIgnoreCase(handle)) remove(seat).ifPresent(kicked::add);
            }
        }
        if (kicked.isEmpty()) return handle + " is not in " + name;
        String why = reason.map(r -> ": " + TextCleaner.clean(r, MAX_TOPIC)).orElse("");
        announce(name, kicked.get(0).handle() + " was kicked by " + actor + why);
        bus.publish(new ChatEvent.Leave(name, kicked.get(0).handle(), clock.instant()));
        String told = "*** You were kicked from " + name + " by " + actor + why;
        for (Visitor visitor : kicked) visitor.kicked().accept(told);
        return "";
    }

    private static String ownerOnly(Room room, String command) {
        return "Only the owner of " + room.name + (room.owner.isPresent() ? " (" + room.owner.get() + ")" : "")
                + " or a sysop can use " + command + ".";
    }

    /** Whether the user may read the room (its history): every room but an invite-only one they cannot enter. */
    public boolean mayEnter(RoomName name, String handle, boolean sysop) {
        synchronized (lock) {
            Room room = rooms.get(name);
            return room != null && room.mayEnter(handle, sysop);
        }
    }

    /** The people in a room, once each, by name. */
    public List<Participant> participants(RoomName name) {
        synchronized (lock) {
            Room room = rooms.get(name);
            if (room == null) return List.of();
            List<Participant> people = new ArrayList<>();
            for (Room.Member member : room.members.values()) {
                people.add(new Participant(member.handle, new TreeSet<>(member.via.keySet())));
            }
            people.sort(Comparator.comparing(p -> p.handle().toLowerCase(Locale.ROOT)));
            return people;
        }
    }

    /** The rooms the user has a connection in, by name. */
    public List<RoomName> roomsOf(String handle) {
        synchronized (lock) {
            return rooms.values().stream().filter(room -> room.members.containsKey(Room.key(handle)))
                    .map(room -> room.name).sorted(Comparator.comparing(RoomName::name)).toList();
        }
    }

    /** The user has a connection in some room. */
    public boolean isInRoom(String handle) {
        return !roomsOf(handle).isEmpty();
    }

    /** Rooms with people in them and kept rooms, busiest first (then by name), at most {@link #MAX_LISTED}. */
    public List<Listing> rooms() {
        synchronized (lock) {
            return rooms.values().stream()
                    .map(room -> new Listing(room.name, room.members.size(), room.topic, room.owner,
                            room.invitationOnly))
                    .sorted(Comparator.comparingInt(Listing::members).reversed()
                            .thenComparing(listing -> listing.name().name()))
                    .limit(MAX_LISTED).toList();
        }
    }

    public Optional<Listing> room(RoomName name) {
        synchronized (lock) {
            Room room = rooms.get(name);
            return room == null ? Optional.empty() : Optional.of(new Listing(room.name, room.members.size(),
                    room.topic, room.owner, room.invitationOnly));
        }
    }

    private void onBus(BusMessage message) {
        if (!(message instanceof ChatEvent event)) return;
        Forwarder.Delivery delivery = Forwarder.Delivery.of(event, new SharedText(ChatRenderer.render(event) + "\n"),
                clock.millis());
        Optional<String> sender = event.sender();
        // Newcomers know they came in: their own join is for the others.
        Optional<String> joiner = event instanceof ChatEvent.Join join ? Optional.of(join.handle()) : Optional.empty();
        Map<Executor, List<Forwarder>> toStart = new IdentityHashMap<>(4);
        int viewers;
        synchronized (lock) {
            Room room = rooms.get(event.room());
            if (room == null) return;
            viewers = room.forwarders.size();
            if (!(event instanceof ChatEvent.Join) && !(event instanceof ChatEvent.Leave)) {
                room.scrollback.add(event);
                while (room.scrollback.size() > config.scrollback()) room.scrollback.poll();
            }
            for (Forwarder forwarder : room.forwarders) {
                if (sender.isPresent() && ignores.test(forwarder.handle(), sender.get())) continue;
                if (joiner.isPresent() && joiner.get().equalsIgnoreCase(forwarder.handle())) continue;
                if (forwarder.offer(delivery)) {
                    toStart.computeIfAbsent(forwarder.executor(), e -> new ArrayList<>()).add(forwarder);
                }
            }
        }
        counters.delivered(viewers);
        // One task per event loop rather than one per viewer: a line to a thousand people
        // wakes each loop once.
        toStart.forEach((executor, idle) -> executor.execute(() -> idle.forEach(Forwarder::drain)));
    }
}
