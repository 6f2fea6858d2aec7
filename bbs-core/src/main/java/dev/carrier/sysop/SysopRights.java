package dev.carrier.sysop;

import dev.carrier.runtime.Workers;
import dev.carrier.session.Session;
import dev.carrier.user.User;
import dev.carrier.user.UserStore;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's check behind every sysop power used from a terminal ({@code /kick},
 * {@code /broadcast}, the sysop menu): the user's rights are read from the database at the time
 * of the command, not taken from the login or from what the menu showed, so rights granted or
 * taken away while the user is on hold at once.
 */
public final class SysopRights {

    private static final Logger log = LoggerFactory.getLogger(SysopRights.class);

    private final UserStore users;
    private final Workers workers;

    /** @param users   where the rights are read, at each command
     *  @param workers where that read and the command run */
    public SysopRights(UserStore users, Workers workers) {
        this.users = users;
        this.workers = workers;
    }

    /** The refusal a user without rights gets, the same for every sysop command. */
    public static String refusal(String command) {
        return "Only sysops can use " + command + ".";
    }

    /**
     * Runs {@code action} on the worker pool if the session's user is a sysop now, then shows its
     * answer (nothing when empty) on the session; otherwise shows the {@link #refusal}.
     * {@link SysopException}s are shown as they read.
     */
    public void act(Session session, String command, Function<User, String> action) {
        act(session, command, action, answer -> {
            if (!answer.isEmpty()) session.writeLine(answer);
        });
    }

    /** As above, handing the answer (or the refusal) to {@code then} on the session's executor. */
    public void act(Session session, String command, Function<User, String> action,
            Consumer<String> then) {
        long id = session.requireUser().id();
        // Every failure becomes an answer: a failed await would enter the current stage again.
        session.await(workers.submit(() -> {
            try {
                Optional<User> now = users.findById(id);
                if (now.isEmpty() || !now.get().sysop() || now.get().banned()) return refusal(command);
                return action.apply(now.get());
            } catch (SysopException e) {
                return "*** " + e.getMessage();
            } catch (RuntimeException e) {
                log.warn("node {}: {} failed", session.node(), command, e);
                return "*** Something went wrong on our side; please try again.";
            }
        }), then);
    }
}
