package dev.carrier.session;

/**
 * What a session is doing now (logging in, at a menu, in a service). The current stage owns the
 * session's input until it moves the session on; all calls come on the session's executor.
 */
public interface Stage {

    /** Which state of {@code Connected -> Login -> (NewUser) -> Menu <-> Service -> Goodbye} this is. */
    SessionState state();

    /** What W shows this node doing. */
    String activity();

    /** Shows the stage's first screen and prompt. */
    void enter();

    /** A completed line (LINE and MASKED modes, and a bare Enter in HOTKEY mode). */
    void onLine(String line);

    /** A key in HOTKEY mode. */
    default void onKey(char key) {
        onLine(String.valueOf(key));
    }

    /**
     * Whether messages from others may be shown at once, between the user's keystrokes (menus
     * and chat), or must wait until the user is back at a menu (a letter being written).
     */
    default boolean interruptible() {
        return state() == SessionState.MENU;
    }

    /** The session leaves this stage: for another, or because it hung up. */
    default void exit() {}
}
