package dev.carrier.sysop;

import dev.carrier.session.InputMode;
import dev.carrier.session.Session;
import dev.carrier.session.Stage;
import dev.carrier.session.StageTraits;
import dev.carrier.text.TextCleaner;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One break-in chat between a sysop and a caller: two {@link Seat}s (the caller's session, and
 * the sysop's session or the console), lines said on either shown on both, ended once by
 * {@code /end} or a hang-up on either side.
 *
 * <p>A session's seat runs on its session's executor, and a line or the end reaches it through
 * {@link Session#execute}; {@code ended} is the one shared state.
 */
final class BreakIn {

    static final int MAX_LINE = 500;
    static final String ENDED = "*** The chat with the sysop has ended.";

    /** One side of the chat. */
    interface Seat {
        /** The chat begins: show its greeting. */
        void open(BreakIn chat);

        /** A line said by either side, as both read it. */
        void show(String line);

        /** The chat is over; {@code why} is the last line. */
        void close(String why);
    }

    private final Seat sysop;
    private final Seat caller;
    private final Runnable onEnd;
    private final AtomicBoolean ended = new AtomicBoolean();
    /** Why it ended, once it has: for a side whose opening runs only after the end. */
    private volatile String endedWhy;

    BreakIn(Seat sysop, Seat caller, Runnable onEnd) {
        this.sysop = sysop;
        this.caller = caller;
        this.onEnd = onEnd;
    }

    void start() {
        caller.open(this);
        sysop.open(this);
    }

    /** A line from {@code handle}, cleaned, to both sides. */
    void say(String handle, String text) {
        String clean = TextCleaner.clean(text, MAX_LINE);
        if (clean.isEmpty() || ended.get()) return;
        String line = "<" + handle + "> " + clean;
        sysop.show(line);
        caller.show(line);
    }

    /** Ends the chat on both sides, once; each reads {@code why}. */
    void end(String why) {
        if (!ended.compareAndSet(false, true)) return;
        endedWhy = why;
        sysop.close(why);
        caller.close(why);
        onEnd.run();
    }

    /** A session's seat: the chat takes the session over ({@link Session#breakIn}) until it ends. */
    static Seat session(Session session, String handle, String greeting, boolean ring) {
        return new Seat() {
            @Override
            public void open(BreakIn chat) {
                session.execute(() -> {
                    // The other side may have hung up before this one opened (its close found
                    // nothing to close here): then say why instead of opening a chat that is over.
                    String over = chat.endedWhy;
                    if (over != null) {
                        session.writeLine(over);
                        return;
                    }
                    if (!session.breakIn(new Side(chat, session, handle, greeting, ring))) {
                        chat.end("*** " + handle + " cannot be broken in on just now (already in a chat, or busy);"
                                + " try again.");
                    }
                });
            }

            @Override
            public void show(String line) {
                session.execute(() -> session.interject(line + "\n"));
            }

            @Override
            public void close(String why) {
                session.execute(() -> {
                    if (!session.brokenIn()) return;
                    session.writeLine(why);
                    session.endBreakIn();
                });
            }
        };
    }

    /** One session's screen in the chat: its lines go to both sides. */
    private static final class Side implements Stage {
        private static final StageTraits TRAITS = StageTraits.service("Chatting with the sysop").allowingNotices();
        private final BreakIn chat;
        private final Session mine;
        private final String handle;
        private final String greeting;
        private final boolean ring;

        Side(BreakIn chat, Session mine, String handle, String greeting, boolean ring) {
            this.chat = chat;
            this.mine = mine;
            this.handle = handle;
            this.greeting = greeting;
            this.ring = ring;
        }

        @Override
        public StageTraits traits() {
            return TRAITS;
        }

        @Override
        public void enter() {
            mine.writeLine(greeting);
            if (ring) mine.bell();
            mine.prompt("", InputMode.LINE);
        }

        @Override
        public void onLine(String line) {
            if (line.strip().equalsIgnoreCase("/end")) chat.end(ENDED);
            else chat.say(handle, line);
        }

        @Override
        public void exit() {
            // A hang-up on either side ends it for the other too.
            if (mine.isClosed()) chat.end("*** " + handle + " hung up; the chat has ended.");
        }
    }
}
