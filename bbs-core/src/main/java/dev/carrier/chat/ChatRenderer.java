package dev.carrier.chat;

/** How chat events read on a terminal; the same for every viewer, so rendered once per event. */
public final class ChatRenderer {

    private ChatRenderer() {}

    public static String render(ChatEvent event) {
        // Java 17 has no pattern switch; the sealed interface keeps this list closed.
        if (event instanceof ChatEvent.Public p) return "<" + p.from() + "> " + p.text();
        if (event instanceof ChatEvent.Action a) return "* " + a.from() + " " + a.text();
        if (event instanceof ChatEvent.Join j) return "*** " + j.handle() + " has joined chat";
        if (event instanceof ChatEvent.Leave l) return "*** " + l.handle() + " has left chat";
        if (event instanceof ChatEvent.System s) return "*** " + s.text();
        throw new IllegalArgumentException("unknown chat event " + event);
    }
}
