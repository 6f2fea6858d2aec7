package dev.carrier.session;

/**
 * Told of every session's login, input and logout, on that session's executor. For the parts
 * that follow users rather than connections: presence, offline messages. Must not block.
 */
public interface SessionListener {

    default void loggedIn(Session session) {}

    /** The logged-in user typed something. */
    default void input(Session session) {}

    /** A logged-in session ended (hung up, timed out, kicked). */
    default void loggedOut(Session session) {}
}
