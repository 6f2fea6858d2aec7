package dev.carrier.chat;

import dev.carrier.bus.BusMessage;
import dev.carrier.bus.LocalMessage;
import java.time.Instant;
import java.util.Optional;

/**
 * What happens in a chat room; everyone in that room sees the same events in the same order.
 * Every event names its room, so a line costs work only for the people in it. Lines (public,
 * action, system) are replicated to every server; joins and leaves are worked out on each.
 */
public sealed interface ChatEvent extends BusMessage {

    RoomName room();

    Instant at();

    /** Who the line comes from, for /ignore; empty for what the system says. */
    default Optional<String> sender() {
        return Optional.empty();
    }

    /** A line said to the room: {@code <alice> hello}. */
    record Public(RoomName room, String from, String text, Instant at) implements ChatEvent {
        @Override
        public Optional<String> sender() {
            return Optional.of(from);
        }
    }

    /** {@code /me waves}: {@code * alice waves}. */
    record Action(RoomName room, String from, String text, Instant at) implements ChatEvent {
        @Override
        public Optional<String> sender() {
            return Optional.of(from);
        }
    }

    /**
     * The first of a user's connections on any server entered the room. Each server works it out
     * for itself from the {@link RoomSeat}s, so it never leaves its server.
     */
    record Join(RoomName room, String handle, Instant at) implements ChatEvent, LocalMessage {}

    /** The last of a user's connections on any server left the room (or hung up in it); local, as {@link Join}. */
    record Leave(RoomName room, String handle, Instant at) implements ChatEvent, LocalMessage {}

    /** Said by the system: a status change a user chose, a new topic, a kick. */
    record System(RoomName room, String text, Instant at) implements ChatEvent {}
}
