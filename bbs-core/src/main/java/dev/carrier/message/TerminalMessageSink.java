package dev.carrier.message;

import dev.carrier.session.Session;

/** A terminal session's sink: messages as lines, between what the user is doing. */
final class TerminalMessageSink implements MessageSink {

    private final Session session;

    TerminalMessageSink(Session session) {
        this.session = session;
    }

    static String line(DirectMessage message, boolean mine) {
        return mine ? "[DM to " + message.to() + "] " + message.text()
                : "[DM from " + message.from() + "] " + message.text();
    }

    @Override
    public void direct(DirectMessage message, boolean mine, boolean ring, Runnable shown) {
        // A message kept for an offline user: the sender's own screen already said so.
        if (mine && message.method() == DirectMessage.Method.OFFLINE) return;
        session.tell(line(message, mine), ring, shown);
    }

    @Override
    public void paged(String from) {
        session.tell("*** " + from + " is paging you", true);
    }
}
