package dev.carrier.session;

import dev.carrier.runtime.Scheduler;
import java.time.Duration;

/**
 * Hangs up on a node left silent too long: at the login prompt after {@code loginTimeout},
 * after login after {@code idleLogoff}, with a warning {@code idleWarning} before. A timed-out
 * node leaves like any other (leave lines, presence, node table). Runs on the session's executor:
 * its timers go through {@link Session#schedule}, so the timer thread only hands the check over.
 * One check is pending at a time, and {@link #stop()} takes it back when the node closes: a
 * pending check holds its session, so a caller who hangs up must not leave one waiting for an
 * hour (connect-and-drop floods would pile up sessions until the heap ran out).
 */
final class IdleGuard {

    /** How often to look again while a limit is off or does not apply. */
    private static final Duration RECHECK = Duration.ofMinutes(1);

    private final Session session;
    private final EngineConfig config;
    private boolean warned;
    private Scheduler.Cancellable pending;

    IdleGuard(Session session, EngineConfig config) {
        this.session = session;
        this.config = config;
    }

    void start() {
        checkIn(firstCheck());
    }

    /** The node is closed: no check is needed any more. */
    void stop() {
        if (pending != null) pending.cancel();
        pending = null;
    }

    private void checkIn(Duration delay) {
        pending = session.schedule(delay, this::check);
    }

    private Duration firstCheck() {
        return config.loginTimeout().isZero() ? RECHECK : config.loginTimeout();
    }

    /** The user typed: a warning given no longer holds. */
    void input() {
        warned = false;
    }

    private void check() {
        boolean loggedIn = session.user().isPresent();
        Duration limit = loggedIn ? config.idleLogoff() : config.loginTimeout();
        boolean exempt = loggedIn && config.sysopsIdleExempt() && session.requireUser().sysop();
        if (limit.isZero() || exempt) {
            checkIn(RECHECK);
            return;
        }
        Duration idle = Duration.between(session.lastInputAt(), session.host().clock().instant());
        if (idle.compareTo(limit) >= 0) {
            session.interject(loggedIn ? "*** You have been idle too long. Goodbye.\n" : "\nLogin timed out. Goodbye.\n");
            session.hangUp();
            return;
        }
        Duration warnAt = limit.minus(config.idleWarning());
        if (loggedIn && !warned && !config.idleWarning().isZero() && idle.compareTo(warnAt) >= 0) {
            warned = true;
            session.interject("*** You have been idle for " + minutes(idle) + "; you will be logged off in "
                    + minutes(limit.minus(idle)) + " unless you type something.\n");
            session.bell();
        }
        Duration next = (warned || !loggedIn || warnAt.compareTo(idle) <= 0) ? limit.minus(idle) : warnAt.minus(idle);
        checkIn(next);
    }

    private static String minutes(Duration duration) {
        long minutes = Math.max(1, Math.round(duration.toSeconds() / 60.0));
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
