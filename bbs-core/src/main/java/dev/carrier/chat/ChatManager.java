package dev.carrier.chat;

import dev.carrier.bus.Bus;
import dev.carrier.bus.BusMessage;
import dev.carrier.bus.Partitioned;
import dev.carrier.bus.SerialDrain;
import dev.carrier.presence.Presence;
import dev.carrier.terminal.SharedText;
import dev.carrier.text.TextCleaner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiPredicate;

/**
 * The chat rooms. Lines go out over the {@link Bus} and come back here to be fanned out to the
 * local viewers of their room only, so everyone in a room sees one order and a line costs work
 * only for the people in its room. Membership is per identity and room, on every server: a
 * user's first connection in a room anywhere announces the join, their last one the leave.
 *
 * <p>Shares: this server owns its seats (who has connections in which room here, and how they
 * came in) and publishes each change as a {@link RoomSeat} naming itself; the other servers'
 * seats come as facts, and whole with their heartbeats ({@link #reconcile}). Each server derives
 * {@link ChatEvent.Join} and {@link ChatEvent.Leave} (local messages) from the seats itself.
 * Room changes go out on the bus as {@link RoomState} and are applied as they come back, on every
 * server alike, so the stream's order is the rooms' order; a {@code /kick} goes out as a
 * {@link RoomKick} that each server applies to its own seats.
 *
 * <p>Owns the rooms (members, seats elsewhere, forwarders, scrollback, owner, topic,
 * invitations), all under {@code lock}. What it publishes is queued in {@link #outbox} under the
 * lock and published after it is released, so it leaves in the order it was decided.
 */
public final class ChatManager implements Partitioned<RoomSeat> {

    public static final int MAX_TOPIC = 120;
    /** Rooms /list and {@code GET /api/rooms} show at most, busiest first. */
    public static final int MAX_LISTED = 50;
    /** Rooms are kept until a sysop removes them, so making them is bounded: per owner, and in all. */
    public static final int MAX_OWNED = 10;
    public static final int MAX_ROOMS = 10_000;

    private final String server;
    private final Bus bus;
    private final SerialDrain<BusMessage> outbox;
    /** This server's seats' numbers and those applied of the others (see {@link Partitioned}). Under the lock. */
    private final Numbers numbers = new Numbers();
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
        this(bus, clock, config, stored, ignores, Presence.SINGLE_SERVER);
    }

    /** As above, for the server named {@code server} in a cluster: its name is on every seat it publishes. */
    public ChatManager(Bus bus, Clock clock, ChatConfig config, ChatArchive.Kept stored,
            BiPredicate<String, String> ignores, String server) {
        this.server = Objects.requireNonNull(server, "server");
        this.bus = bus;
        this.outbox = new SerialDrain<>(bus::publish);
        this.clock = clock;
        this.config = config;
        this.ignores = ignores;
        rooms.put(RoomName.LOBBY, Room.settled(RoomState.lobby()));
        for (RoomState state : stored.rooms()) rooms.put(state.name(), Room.settled(state));
        stored.recent().forEach((name, lines) -> {
            Room room = rooms.computeIfAbsent(name, Room::new);
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
        Membership membership;
        synchronized (lock) {
            Room room = rooms.get(name);
            if (room == null) {
                Optional<String> full = tooMany(visitor.handle());
                if (full.isPresent()) return new Entry.Refused(false, full.get());
                room = new Room(new RoomState(name, Optional.of(visitor.handle()), "", invitationOnly, Set.of()));
                rooms.put(name, room);
                outbox.enqueue(new RoomFounded(room.state()));
            } else if (!room.mayEnter(visitor.handle(), visitor.sysop())) {
                return new Entry.Refused(true, name + " is invite-only; ask its owner for an invitation");
            } else if (invitationOnly && !room.invitationOnly && room.owns(visitor.handle())) {
                room.invitationOnly = true;
                outbox.enqueue(room.state());
            }
            boolean first = !room.present(Room.key(visitor.handle()));
            Room.Member member = room.members.computeIfAbsent(Room.key(visitor.handle()),
                    k -> new Room.Member(visitor.handle()));
            member.via.merge(visitor.via(), 1, Integer::sum);
            Optional<Forwarder> forwarder = visitor.viewer().map(v -> new Forwarder(v, config.readerBudget(),
                    visitor.handle(), counters));
            forwarder.ifPresent(room.forwarders::add);
            membership = new Membership(name, visitor.handle(), forwarder, List.copyOf(room.scrollback), room.topic);
            room.seats.put(membership, visitor);
            outbox.enqueue(room.seat(server, visitor.handle(), numbers.next()));
            if (first) outbox.enqueue(new ChatEvent.Join(name, visitor.handle(), clock.instant()));
        }
        outbox.drain();
        return new Entry.Joined(membership);
    }

    /** Leaves the room; the user's last connection in it anywhere announces the leave. */
    public void leave(Membership membership) {
        synchronized (lock) {
            if (remove(membership).isPresent()) seatChangedLocked(rooms.get(membership.room()), membership.handle());
        }
        outbox.drain();
    }

    /**
     * Publishes this server's seat of the person in the room after it changed, and the leave if
     * it was their last seat anywhere. Under the lock.
     */
    private void seatChangedLocked(Room room, String handle) {
        outbox.enqueue(room.seat(server, handle, numbers.next()));
        if (!room.present(Room.key(handle))) outbox.enqueue(new ChatEvent.Leave(room.name, handle, clock.instant()));
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

    /** Says a line to the room after cleaning it; returns false if nothing was left to say. */
    public boolean say(RoomName room, String from, String text) {
        String clean = TextCleaner.clean(text, config.maxLineLength());
        if (clean.isEmpty()) return false;
        outbox.offer(new ChatEvent.Public(room, from, clean, clock.instant()));
        return true;
    }

    public boolean act(RoomName room, String from, String text) {
        String clean = TextCleaner.clean(text, config.maxLineLength());
        if (clean.isEmpty()) return false;
        outbox.offer(new ChatEvent.Action(room, from, clean, clock.instant()));
        return true;
    }

    /** A line from the system to one room (a new topic, a kick). */
    public void announce(RoomName room, String text) {
        outbox.offer(new ChatEvent.System(room, text, clock.instant()));
    }

    /** A line from the system to every room the user is in on any server (a status they chose). */
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
        outbox.offer(changed);
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
        outbox.offer(changed);
        return "*** Invited " + handle + " to " + name;
    }

    /**
     * Puts someone's connections in this room, on every server, back in the lobby (owner or
     * sysop); they are told through their {@link Visitor#kicked}. The room hears it from here,
     * once; each server applies the {@link RoomKick} to its own seats. Returns what the actor reads.
     */
    public String kick(RoomName name, String actor, boolean asSysop, String handle, Optional<String> reason) {
        String kicked;
        synchronized (lock) {
            Room room = rooms.get(name);
            if (room == null) return "No such room: " + name;
            if (!asSysop && !room.owns(actor)) return ownerOnly(room, "/kick");
            Optional<String> inRoom = room.handleOf(Room.key(handle));
            if (inRoom.isEmpty()) return handle + " is not in " + name;
            kicked = inRoom.get();
        }
        String why = reason.map(r -> ": " + TextCleaner.clean(r, MAX_TOPIC)).orElse("");
        announce(name, kicked + " was kicked by " + actor + why);
        outbox.offer(new RoomKick(name, kicked, "*** You were kicked from " + name + " by " + actor + why));
        return "";
    }

    /** A kick given on any server: this server's connections of the person leave the room. */
    private void kicked(RoomKick kick) {
        List<Visitor> kicked = new ArrayList<>();
        synchronized (lock) {
            Room room = rooms.get(kick.room());
            if (room == null) return;
            for (Membership seat : List.copyOf(room.seats.keySet())) {
                if (seat.handle().equalsIgnoreCase(kick.handle())) remove(seat).ifPresent(kicked::add);
            }
            if (!kicked.isEmpty()) seatChangedLocked(room, kicked.get(0).handle());
        }
        outbox.drain();
        for (Visitor visitor : kicked) visitor.kicked().accept(kick.told());
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
            for (String key : room.everyone()) {
                people.add(new Participant(room.handleOf(key).orElse(key), room.via(key)));
            }
            people.sort(Comparator.comparing(p -> p.handle().toLowerCase(Locale.ROOT)));
            return people;
        }
    }

    /** The rooms the user has a connection in on any server, by name. */
    public List<RoomName> roomsOf(String handle) {
        synchronized (lock) {
            return rooms.values().stream().filter(room -> room.present(Room.key(handle)))
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
                    .map(room -> new Listing(room.name, room.people(), room.topic, room.owner,
                            room.invitationOnly))
                    .sorted(Comparator.comparingInt(Listing::members).reversed()
                            .thenComparing(listing -> listing.name().name()))
                    .limit(MAX_LISTED).toList();
        }
    }

    public Optional<Listing> room(RoomName name) {
        synchronized (lock) {
            Room room = rooms.get(name);
            return room == null ? Optional.empty() : Optional.of(new Listing(room.name, room.people(),
                    room.topic, room.owner, room.invitationOnly));
        }
    }

    @Override
    public Share<RoomSeat> ownShare() {
        synchronized (lock) {
            long last = numbers.last();
            List<RoomSeat> share = new ArrayList<>();
            for (Room room : rooms.values()) {
                for (Room.Member member : room.members.values()) share.add(room.seat(server, member.handle, last));
            }
            return new Share<>(last, share);
        }
    }

    @Override
    public void reconcile(String other, Share<RoomSeat> share) {
        if (other.equals(server)) return;
        synchronized (lock) {
            if (!numbers.takes(other, share)) return; // taken before a fact we have: stale
            replaceLocked(other, share.facts());
        }
        outbox.drain();
    }

    @Override
    public void serverGone(String other) {
        if (other.equals(server)) return;
        synchronized (lock) {
            numbers.forget(other);
            replaceLocked(other, List.of());
        }
        outbox.drain();
    }

    /**
     * Puts {@code share} in place of everything known of {@code other}'s seats, with the joins and
     * leaves that follow. Under the lock.
     */
    private void replaceLocked(String other, List<RoomSeat> share) {
        // Everyone whose seat of that server comes or goes, in each room, with whether they were in it.
        Map<Room, Map<String, String>> touched = new IdentityHashMap<>();
        for (Room room : rooms.values()) {
            room.elsewhere.forEach((key, seats) -> {
                RoomSeat seat = seats.get(other);
                if (seat != null) touched.computeIfAbsent(room, r -> new HashMap<>()).put(key, seat.handle());
            });
        }
        for (RoomSeat seat : share) {
            Room room = rooms.computeIfAbsent(seat.room(), Room::new);
            touched.computeIfAbsent(room, r -> new HashMap<>()).putIfAbsent(Room.key(seat.handle()), seat.handle());
        }
        Map<Room, Set<String>> before = new IdentityHashMap<>();
        touched.forEach((room, people) -> {
            Set<String> present = new HashSet<>();
            for (String key : people.keySet()) if (room.present(key)) present.add(key);
            before.put(room, present);
            for (String key : people.keySet()) seatLocked(room, key, other, null);
        });
        for (RoomSeat seat : share) seatLocked(rooms.get(seat.room()), Room.key(seat.handle()), other, seat);
        touched.forEach((room, people) -> people.forEach((key, handle) ->
                comingOrGoingLocked(room, handle, before.get(room).contains(key))));
    }

    /** Sets (or with null or no connections, drops) another server's seat of one person. Under the lock. */
    private static void seatLocked(Room room, String key, String other, RoomSeat seat) {
        if (seat != null && !seat.via().isEmpty()) {
            room.elsewhere.computeIfAbsent(key, k -> new HashMap<>()).put(other, seat);
            return;
        }
        Map<String, RoomSeat> seats = room.elsewhere.get(key);
        if (seats != null && seats.remove(other) != null && seats.isEmpty()) room.elsewhere.remove(key);
    }

    /** Queues the join or leave if the person's presence in the room changed. Under the lock. */
    private void comingOrGoingLocked(Room room, String handle, boolean was) {
        boolean is = room.present(Room.key(handle));
        if (is && !was) outbox.enqueue(new ChatEvent.Join(room.name, handle, clock.instant()));
        if (was && !is) outbox.enqueue(new ChatEvent.Leave(room.name, handle, clock.instant()));
    }

    /** Another server's seat changed. */
    private void seated(RoomSeat seat) {
        synchronized (lock) {
            numbers.applied(seat.server(), seat.version());
            Room room = rooms.computeIfAbsent(seat.room(), Room::new);
            String key = Room.key(seat.handle());
            boolean was = room.present(key);
            seatLocked(room, key, seat.server(), seat);
            comingOrGoingLocked(room, seat.handle(), was);
        }
        outbox.drain();
    }

    /** A room's state as the stream orders it, this server's own changes too: the same on every server. */
    private void stated(RoomState state) {
        synchronized (lock) {
            settleLocked(state);
        }
    }

    /** A founding counts only if it is the first this room's state the stream brings; a later one lost the race. */
    private void founded(RoomFounded founding) {
        synchronized (lock) {
            Room room = rooms.get(founding.state().name());
            if (room == null || !room.settled) settleLocked(founding.state());
        }
    }

    /** Makes {@code state} the room's, agreed from now on. Under the lock. */
    private void settleLocked(RoomState state) {
        Room room = rooms.get(state.name());
        if (room == null) rooms.put(state.name(), room = new Room(state));
        else room.apply(state);
        room.settled = true;
    }

    private void onBus(BusMessage message) {
        if (!(message instanceof ChatEvent event)) {
            if (message instanceof RoomSeat seat && !seat.server().equals(server)) seated(seat);
            else if (message instanceof RoomState state) stated(state);
            else if (message instanceof RoomFounded founding) founded(founding);
            else if (message instanceof RoomKick kick) kicked(kick);
            return;
        }
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
