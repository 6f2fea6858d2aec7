package dev.carrier.sysop;

import dev.carrier.session.InputMode;
import dev.carrier.session.Session;
import dev.carrier.session.Stage;
import dev.carrier.session.StageTraits;
import dev.carrier.text.TextCleaner;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One break-in chat between a sysop and a caller: a stage on each side, lines said on either
 * shown on both, ended once by {@code /end} or a hang-up on either side.
 *
 * <p>Each side's stage runs on its own session's executor; a line or the end reaches the other
 * side through {@link Session#execute}. {@code ended} is the one shared state.
 */
final class BreakIn {

    static final int MAX_LINE = 500;

    private final String sysop;
    private final String caller;
    private final Session sysopSession;
    private final Session callerSession;
    private final AtomicBoolean ended = new AtomicBoolean();

    BreakIn(String sysop, String caller, Session sysopSession, Session callerSession) {
        this.sysop = sysop;
        this.caller = caller;
        this.sysopSession = sysopSession;
        this.callerSession = callerSession;
    }

    void start() {
        callerSession.execute(() -> {
            if (!callerSession.breakIn(new Side(callerSession, sysopSession, caller, "*** The sysop (" + sysop
                    + ") has broken in for a chat. Type /end to go back to where you were.", true))) {
                end("*** " + caller + " is already in a chat with the sysop.");
            }
        });
        sysopSession.execute(() -> sysopSession.breakIn(new Side(sysopSession, callerSession, sysop,
                "*** Chatting with " + caller + ". Type /end to finish.", false)));
    }

    /** Ends the chat on both sides, once; each reads {@code why}. */
    private void end(String why) {
        if (!ended.compareAndSet(false, true)) return;
        for (Session side : new Session[] {sysopSession, callerSession}) {
            side.execute(() -> {
                if (!side.brokenIn()) return;
                side.writeLine(why);
                side.endBreakIn();
            });
        }
    }

    /** One side's screen: its own lines go to both. */
    private final class Side implements Stage {
        private final StageTraits traits = StageTraits.service("Chatting with the sysop").allowingNotices();
        private final Session mine;
        private final Session theirs;
        private final String handle;
        private final String greeting;
        private final boolean ring;

        Side(Session mine, Session theirs, String handle, String greeting, boolean ring) {
            this.mine = mine;
            this.theirs = theirs;
            this.handle = handle;
            this.greeting = greeting;
            this.ring = ring;
        }

        @Override
        public StageTraits traits() {
            return traits;
        }

        @Override
        public void enter() {
            mine.writeLine(greeting);
            if (ring) mine.bell();
            mine.prompt("", InputMode.LINE);
        }

        @Override
        public void onLine(String line) {
            if (line.strip().equalsIgnoreCase("/end")) {
                end("*** The chat with the sysop has ended.");
                return;
            }
            String clean = TextCleaner.clean(line, MAX_LINE);
            if (clean.isEmpty()) return;
            String shown = "<" + handle + "> " + clean + "\n";
            mine.interject(shown);
            theirs.execute(() -> theirs.interject(shown));
        }

        @Override
        public void exit() {
            // A hang-up on either side ends it for the other too.
            if (mine.isClosed()) end("*** " + handle + " hung up; the chat has ended.");
        }
    }
}
