package dev.carrier.chat;

import dev.carrier.bus.BusMessage;
import java.time.Instant;

/** What happens in the chat room; every participant sees the same events in the same order. */
public sealed interface ChatEvent extends BusMessage {

    Instant at();

    /** A line said to the room: {@code <alice> hello}. */
    record Public(String from, String text, Instant at) implements ChatEvent {}

    /** {@code /me waves}: {@code * alice waves}. */
    record Action(String from, String text, Instant at) implements ChatEvent {}

    /** The first of a user's connections entered chat. */
    record Join(String handle, Instant at) implements ChatEvent {}

    /** The last of a user's connections left chat (or hung up in it). */
    record Leave(String handle, Instant at) implements ChatEvent {}

    /** Said by the system: a status change a user chose, a sysop broadcast. */
    record System(String text, Instant at) implements ChatEvent {}
}
