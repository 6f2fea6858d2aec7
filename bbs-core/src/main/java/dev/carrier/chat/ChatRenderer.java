package dev.carrier.chat;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How chat events read on a terminal; the same for every viewer, so rendered once per event. */
public final class ChatRenderer {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ChatRenderer() {}

    public static String render(ChatEvent event) {
        // Java 17 has no pattern switch; the sealed interface keeps this list closed.
        if (event instanceof ChatEvent.Public p) return "<" + p.from() + "> " + p.text();
        if (event instanceof ChatEvent.Action a) return "* " + a.from() + " " + a.text();
        if (event instanceof ChatEvent.Join j) return "*** " + joined(j.handle(), j.room());
        if (event instanceof ChatEvent.Leave l) return "*** " + left(l.handle(), l.room());
        if (event instanceof ChatEvent.System s) return "*** " + s.text();
        throw new IllegalArgumentException("unknown chat event " + event);
    }

    /** A line from before, with when it was said (UTC): {@code [2026-01-31 12:00] <alice> hello}. */
    public static String renderWithTime(ChatEvent event) {
        return "[" + WHEN.format(event.at()) + "] " + render(event);
    }

    /** {@code alice has joined chat} in the lobby, as it always read; {@code alice has joined #games} elsewhere. */
    public static String joined(String handle, RoomName room) {
        return handle + " has joined " + (room.isLobby() ? "chat" : room.toString());
    }

    public static String left(String handle, RoomName room) {
        return handle + " has left " + (room.isLobby() ? "chat" : room.toString());
    }
}
