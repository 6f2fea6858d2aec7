package dev.carrier.session;

/**
 * Told of every session's opening, login, input, logout and closing, on that session's executor.
 * For the parts that follow users rather than connections (presence, offline messages) and for
 * the sysop's live feed. Must not block.
 */
public interface SessionListener {

    /** A caller got a node, before the banner; nobody is logged in yet. */
    default void opened(Session session) {}

    default void loggedIn(Session session) {}

    /** The logged-in user typed something. */
    default void input(Session session) {}

    /** A logged-in session ended (hung up, timed out, kicked). */
    default void loggedOut(Session session) {}

    /** The node is free again, whether or not anyone had logged in on it. */
    default void closed(Session session) {}
}
