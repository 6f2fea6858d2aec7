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
 * One room's live state: who is in it (per identity, with how each connection came in), the
 * viewers its lines go to, its last lines, and what is kept of it. Owned by {@link ChatManager}
 * and touched only under its lock.
 */
final class Room {

    final RoomName name;
    Optional<String> owner;
    String topic;
    boolean invitationOnly;
    final Set<String> invited = new HashSet<>();
    final Map<String, Member> members = new HashMap<>();
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

    Room(RoomState state) {
        this.name = state.name();
        this.owner = state.owner();
        this.topic = state.topic();
        this.invitationOnly = state.invitationOnly();
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

    static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }
}
