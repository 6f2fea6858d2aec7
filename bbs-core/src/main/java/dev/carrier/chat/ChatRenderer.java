package dev.carrier.chat;

/** How chat events read on a terminal; the same for every viewer, so rendered once per event. */
public final class ChatRenderer {

    private ChatRenderer() {}

    public static String render(ChatEvent event) {
        return switch (event) {
            case ChatEvent.Public p -> "<" + p.from() + "> " + p.text();
            case ChatEvent.Action a -> "* " + a.from() + " " + a.text();
            case ChatEvent.Join j -> "*** " + j.handle() + " has joined chat";
            case ChatEvent.Leave l -> "*** " + l.handle() + " has left chat";
            case ChatEvent.System s -> "*** " + s.text();
        };
    }
}
