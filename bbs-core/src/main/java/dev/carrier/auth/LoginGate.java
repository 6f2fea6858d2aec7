package dev.carrier.auth;

import dev.carrier.user.User;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The one way a password login happens, for telnet, the web terminal and REST alike: a try is
 * reserved on the {@link LoginThrottle} first (no hashing while throttled), the password is then
 * checked on {@link PasswordWork}, and the reservation settled by the answer. Safe to share.
 */
public final class LoginGate {

    /** How long a caller turned away by a full pool is asked to wait. */
    public static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    /** How a login ended. */
    public sealed interface Outcome {
        /** The password is the user's (a banned user included: callers say what a ban means). */
        record Accepted(User user) implements Outcome {}

        /** Wrong handle or password; which, is not told. */
        record Rejected() implements Outcome {}

        /** Too many failures: nothing was checked; try again after {@code retryAfter}. */
        record Throttled(Duration retryAfter) implements Outcome {}

        /** The password pool is full: nothing was checked or counted; try again shortly. */
        record Busy(Duration retryAfter) implements Outcome {}
    }

    /** Told how each login ended, for the server's metrics; must not block. */
    @FunctionalInterface
    public interface Observer {
        Observer NONE = (transport, outcome) -> { };

        void ended(String transport, Outcome outcome);
    }

    private final LoginThrottle throttle;
    private final PasswordWork work;
    private final Authenticator authenticator;
    private final Observer observer;

    public LoginGate(LoginThrottle throttle, PasswordWork work, Authenticator authenticator) {
        this(throttle, work, authenticator, Observer.NONE);
    }

    public LoginGate(LoginThrottle throttle, PasswordWork work, Authenticator authenticator, Observer observer) {
        this.throttle = throttle;
        this.work = work;
        this.authenticator = authenticator;
        this.observer = observer;
    }

    /**
     * Never blocks: call from any thread, an event loop included. The future never fails with Busy.
     *
     * @param transport how the caller came (telnet, web, ssh, rest), for the metrics only
     */
    public CompletableFuture<Outcome> login(String handle, String password, String address, String transport) {
        return attempt(handle, password, address).thenApply(outcome -> {
            observer.ended(transport, outcome);
            return outcome;
        });
    }

    private CompletableFuture<Outcome> attempt(String handle, String password, String address) {
        LoginThrottle.Admission admission = throttle.reserve(handle, address);
        if (admission instanceof LoginThrottle.Refused refused) {
            return CompletableFuture.completedFuture(new Outcome.Throttled(refused.retryAfter()));
        }
        LoginThrottle.Reservation reservation = (LoginThrottle.Reservation) admission;
        if (!reservation.handleCanExist()) {
            // No account can have this handle, and its shape is public: no need to hash to say so.
            reservation.failed();
            return CompletableFuture.completedFuture(new Outcome.Rejected());
        }
        return work.submit(() -> authenticator.check(handle, password)).handle((user, failure) -> {
            if (failure != null) {
                reservation.cancelled();
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof PasswordWork.Busy) return new Outcome.Busy(BUSY_RETRY);
                throw new CompletionException(cause);
            }
            return settle(reservation, user);
        });
    }

    private static Outcome settle(LoginThrottle.Reservation reservation, Optional<User> user) {
        if (user.isPresent()) {
            reservation.succeeded();
            return new Outcome.Accepted(user.get());
        }
        reservation.failed();
        return new Outcome.Rejected();
    }
}
