package dev.carrier.session;

import dev.carrier.user.User;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a user's other ways in, after their password changed: their other connections now, and
 * whatever else holds their credentials (the login tokens of the web API, once they exist) through
 * a {@link Revoker} registered at wiring time.
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

    private final Nodes nodes;
    private final List<Revoker> revokers = new CopyOnWriteArrayList<>();

    public Logouts(Nodes nodes) {
        this.nodes = nodes;
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
        for (Session other : nodes.sessionsOf(handle)) {
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
}
