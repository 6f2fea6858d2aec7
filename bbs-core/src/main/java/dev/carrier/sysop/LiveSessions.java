package dev.carrier.sysop;

import dev.carrier.session.Nodes;
import dev.carrier.session.Session;
import java.util.List;

/**
 * The connections of a running server, as account changes reach them: a ban or a deletion hangs
 * up the user's live sessions at once. {@link #NONE} when the tools work on the database file
 * while no server runs.
 */
@FunctionalInterface
public interface LiveSessions {

    /** No server runs: nobody to hang up on. */
    LiveSessions NONE = (handle, farewell) -> 0;

    /** Says {@code farewell} on every connection of the user and hangs up; returns how many. */
    int hangUp(String handle, String farewell);

    /** The sessions in a running server's node table. */
    static LiveSessions of(Nodes nodes) {
        return (handle, farewell) -> {
            List<Session> sessions = nodes.sessionsOf(handle);
            sessions.forEach(session -> hangUp(session, farewell));
            return sessions.size();
        };
    }

    /** Shows the farewell and hangs up, in order, on the session's own executor; from any thread. */
    static void hangUp(Session session, String farewell) {
        session.execute(() -> {
            session.writeLine("\n" + farewell);
            session.hangUp();
        });
    }
}
