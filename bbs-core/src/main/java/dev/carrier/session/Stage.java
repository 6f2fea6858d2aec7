package dev.carrier.session;

/**
 * What a session is doing now (logging in, at a menu, in a service). The current stage owns the
 * session's input until it moves the session on; all calls come on the session's executor.
 */
public interface Stage {

    /** Its state, what W shows it doing, and whether notices may interrupt it. */
    StageTraits traits();

    /** Shows the stage's first screen and prompt. */
    void enter();

    /** A completed line (LINE and MASKED modes, and a bare Enter in HOTKEY mode). */
    void onLine(String line);

    /** A key in HOTKEY mode. */
    default void onKey(char key) {
        onLine(String.valueOf(key));
    }

    /** The session leaves this stage: for another, or because it hung up. */
    default void exit() {}

    /**
     * The session is back in this stage after a break-in ({@link Session#breakIn}); its prompt and
     * the line being typed are already drawn again. A stage that lays out the screen draws it again here.
     */
    default void resumed() {}

    /**
     * What the caller reads when work this stage waited for failed because the database is away
     * (unreachable, restarting): what does not work just now, so they know to try again shortly.
     */
    default String unavailable() {
        return "*** That is unavailable just now; try again shortly.";
    }
}
