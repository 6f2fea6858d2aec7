package dev.carrier.session;

import dev.carrier.user.User;
import java.util.List;
import java.util.Optional;
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

    /**
     * Hangs up the user's connections on every server of a cluster, telling them why, but the
     * {@code spared} session; {@code NodeAdmin::hangUpEverywhere} at wiring time.
     */
    @FunctionalInterface
    public interface HangUp {
        void everywhere(String handle, String why, Optional<Session> spared);
    }

    private final Function<String, List<Session>> sessionsOf;
    private final HangUp hangUp;
    private final List<Revoker> revokers = new CopyOnWriteArrayList<>();

    public Logouts(Nodes nodes, HangUp hangUp) {
        this(nodes::sessionsOf, hangUp);
    }

    private Logouts(Function<String, List<Session>> sessionsOf, HangUp hangUp) {
        this.sessionsOf = sessionsOf;
        this.hangUp = hangUp;
    }

    /** For the sysop's tools on the database file while no server runs: no sessions to hang up. */
    public static Logouts withoutSessions() {
        return new Logouts(handle -> List.of(), (handle, why, spared) -> { });
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
     * Tells each of the user's sessions other than {@code keep} why, and hangs it up, at once (a
     * notice that waited for a menu would leave the old password's session open meanwhile), on
     * every server.
     *
     * @return how many of this server's sessions were hung up
     */
    public int hangUpOthers(Session keep, String why) {
        String handle = keep.requireUser().handle();
        int count = (int) sessionsOf.apply(handle).stream().filter(other -> other != keep).count();
        hangUp.everywhere(handle, why, Optional.of(keep));
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
        int count = sessionsOf.apply(user.handle()).size();
        hangUp.everywhere(user.handle(), why, Optional.empty());
        if (count > 0) log.info("logged out {} session(s) of {}", count, user.handle());
        return count;
    }
}
