package dev.carrier.session;

import dev.carrier.user.User;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a user's other ways in, after their password changed (in their profile, or by the sysop
 * with {@code carrier user passwd}): their connections now, and whatever else holds their
 * credentials (the web API's login tokens, and the JSON connections opened with them) through a
 * {@link Revoker} registered at wiring time. Without a running server ({@link #withoutSessions})
 * only the revokers run: tokens in the database end all the same.
 *
 * <p>Thread rule: {@link #revokeCredentials} blocks (a token store writes to the database) and is
 * called on the worker pool; {@link #hangUpOthers} may be called from any thread. Revokers are
 * added before the first caller and only read afterwards.
 */
public final class Logouts {

    private static final Logger log = LoggerFactory.getLogger(Logouts.class);

    /** Something that keeps a user logged in apart from a live connection: login tokens. */
    @FunctionalInterface
    public interface Revoker {
        /** Makes every credential of the user other than the password useless. May block. */
        void revokeAll(User user);
    }

    private final Function<String, List<Session>> sessionsOf;
    private final List<Revoker> revokers = new CopyOnWriteArrayList<>();

    public Logouts(Nodes nodes) {
        this.sessionsOf = nodes::sessionsOf;
    }

    private Logouts(Function<String, List<Session>> sessionsOf) {
        this.sessionsOf = sessionsOf;
    }

    /** For the sysop's tools on the database file while no server runs: no sessions to hang up. */
    public static Logouts withoutSessions() {
        return new Logouts(handle -> List.of());
    }

    /** Adds a revoker; done at wiring time. */
    public void addRevoker(Revoker revoker) {
        revokers.add(revoker);
    }

    /** Runs every revoker for the user. Blocks: call from the worker pool. */
    public void revokeCredentials(User user) {
        for (Revoker revoker : revokers) revoker.revokeAll(user);
    }

    /**
     * Tells each of the user's sessions other than {@code keep} why, and hangs it up, at once:
     * a notice that waited for a menu would leave the old password's session open meanwhile.
     *
     * @return how many sessions were hung up
     */
    public int hangUpOthers(Session keep, String why) {
        String handle = keep.requireUser().handle();
        int count = 0;
        for (Session other : sessionsOf.apply(handle)) {
            if (other == keep) continue;
            count++;
            other.execute(() -> {
                other.writeLine("\n" + why);
                other.hangUp();
            });
        }
        if (count > 0) log.info("node {}: logged out {} other session(s) of {}", keep.node(), count, handle);
        return count;
    }

    /**
     * The password was changed from outside the user's sessions (by the sysop): every credential
     * is revoked and every session told why and hung up. Blocks: call from the worker pool.
     *
     * @return how many sessions were hung up
     */
    public int endAll(User user, String why) {
        revokeCredentials(user);
        List<Session> sessions = sessionsOf.apply(user.handle());
        for (Session session : sessions) {
            session.execute(() -> {
                session.writeLine("\n" + why);
                session.hangUp();
            });
        }
        if (!sessions.isEmpty()) log.info("logged out {} session(s) of {}", sessions.size(), user.handle());
        return sessions.size();
    }
}
