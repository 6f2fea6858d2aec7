package dev.carrier.session;

/**
 * What the session and W need to know about a stage, apart from its screens.
 *
 * @param state         which state of {@code Connected -> Login -> (NewUser) -> Menu <-> Service -> Goodbye}
 * @param activity      what W shows this node doing
 * @param interruptible whether messages from others may be shown at once, between the user's
 *                      keystrokes (menus, chat), or must wait until the session reaches a stage
 *                      that allows them (so nothing lands inside a letter being written)
 */
public record StageTraits(SessionState state, String activity, boolean interruptible) {

    /** A stage in the given state; only menus take notices at once unless told otherwise. */
    public static StageTraits of(SessionState state, String activity) {
        return new StageTraits(state, activity, state == SessionState.MENU);
    }

    /** A service opened from a menu, holding notices back until it is left. */
    public static StageTraits service(String activity) {
        return of(SessionState.SERVICE, activity);
    }

    /** The same stage, showing notices between the user's keystrokes. */
    public StageTraits allowingNotices() {
        return new StageTraits(state, activity, true);
    }
}
