package dev.carrier.chat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One room's live state: who is in it (per identity, with how each connection came in, here and
 * on the other servers), the viewers its lines go to here, its last lines, and what is kept of
 * it. Owned by {@link ChatManager} and touched only under its lock.
 */
final class Room {

    final RoomName name;
    Optional<String> owner;
    String topic;
    boolean invitationOnly;
    final Set<String> invited = new HashSet<>();
    /** People with a connection in the room on this server, by lower-case handle. */
    final Map<String, Member> members = new HashMap<>();
    /** Other servers' seats: lower-case handle, then server. */
    final Map<String, Map<String, RoomSeat>> elsewhere = new HashMap<>();
    final List<Forwarder> forwarders = new ArrayList<>();
    final ArrayDeque<ChatEvent> scrollback = new ArrayDeque<>();
    /** Every connection in the room with what to tell it when it is kicked. */
    final Map<ChatManager.Membership, Visitor> seats = new HashMap<>();

    static final class Member {
        final String handle;
        /** Connections per way in ({@code telnet}, {@code app}, ...), sorted for /who. */
        final Map<String, Integer> via = new TreeMap<>();

        Member(String handle) {
            this.handle = handle;
        }

        int connections() {
            return via.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Whether this room's state has been agreed (see {@link RoomFounded}); a room made here, or
     * known only from a seat, is not until its state comes back over the bus.
     */
    boolean settled;

    Room(RoomState state) {
        this.name = state.name();
        apply(state);
    }

    /** A room whose state is agreed: the lobby, a kept room, or one whose state came over the bus. */
    static Room settled(RoomState state) {
        Room room = new Room(state);
        room.settled = true;
        return room;
    }

    /** A room known only from someone's seat in it, until its state comes. */
    Room(RoomName name) {
        this(new RoomState(name, Optional.empty(), "", false, Set.of()));
    }

    void apply(RoomState state) {
        this.owner = state.owner();
        this.topic = state.topic();
        this.invitationOnly = state.invitationOnly();
        this.invited.clear();
        this.invited.addAll(state.invited());
    }

    RoomState state() {
        return new RoomState(name, owner, topic, invitationOnly, invited);
    }

    boolean owns(String handle) {
        return owner.map(o -> o.equalsIgnoreCase(handle)).orElse(false);
    }

    boolean mayEnter(String handle, boolean sysop) {
        return !invitationOnly || sysop || owns(handle) || invited.contains(key(handle));
    }

    /** Whether the person has a connection in the room on any server. */
    boolean present(String key) {
        return members.containsKey(key) || elsewhere.containsKey(key);
    }

    /** The person's handle as they spelled it, if they are in the room anywhere. */
    Optional<String> handleOf(String key) {
        Member member = members.get(key);
        if (member != null) return Optional.of(member.handle);
        Map<String, RoomSeat> seats = elsewhere.get(key);
        return seats == null ? Optional.empty() : seats.values().stream().map(RoomSeat::handle).findFirst();
    }

    /** How many people are in the room, on every server, once each. */
    int people() {
        int people = members.size();
        for (String key : elsewhere.keySet()) {
            if (!members.containsKey(key)) people++;
        }
        return people;
    }

    /** Everyone in the room anywhere, by lower-case handle. */
    Set<String> everyone() {
        Set<String> keys = new HashSet<>(members.keySet());
        keys.addAll(elsewhere.keySet());
        return keys;
    }

    /** Each way the person is connected to the room, on every server. */
    Set<String> via(String key) {
        Set<String> via = new java.util.TreeSet<>();
        Member member = members.get(key);
        if (member != null) via.addAll(member.via.keySet());
        for (RoomSeat seat : elsewhere.getOrDefault(key, Map.of()).values()) via.addAll(seat.via().keySet());
        return via;
    }

    /** This server's seat of the person in the room, as the others learn it (empty {@code via}: gone). */
    RoomSeat seat(String server, String handle, long version) {
        Member member = members.get(key(handle));
        return new RoomSeat(server, name, member == null ? handle : member.handle,
                member == null ? Map.of() : member.via, version);
    }

    static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }
}
