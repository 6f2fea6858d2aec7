package dev.carrier.sysop;

import dev.carrier.audit.AuditLog;
import dev.carrier.session.Logouts;
import dev.carrier.text.TextCleaner;
import dev.carrier.user.HandleRules;
import dev.carrier.user.HandleTakenException;
import dev.carrier.user.PasswordHasher;
import dev.carrier.user.PasswordRules;
import dev.carrier.user.User;
import dev.carrier.user.UserStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sysop does to accounts, in one place for every way in: the {@code carrier user}
 * commands on the database file when no server runs, and the same commands through a running
 * server, where a ban or a deletion also hangs up the user's live sessions. Every change is
 * written to the {@link AuditLog} with who made it.
 *
 * <p>Every method blocks (storage, password hashing): call from the worker pool. Refusals are
 * {@link SysopException}s with a one-line reason. Safe to share between threads.
 */
public final class UserAdmin {

    /** The longest ban reason kept and shown. */
    public static final int MAX_REASON = 200;

    private final UserStore users;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final LiveSessions live;
    private final Logouts logouts;

    /** @param logouts ends a user's tokens and sessions after a new password, as the profile's change does */
    public UserAdmin(UserStore users, PasswordHasher hasher, AuditLog audit, LiveSessions live, Logouts logouts) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.live = Objects.requireNonNull(live, "live");
        this.logouts = Objects.requireNonNull(logouts, "logouts");
    }

    /**
     * Creates an account. The handle must be shaped like one, but may be a word registration
     * reserves ({@code sysop}); the password must follow {@link PasswordRules}.
     */
    public User add(String actor, String handle, String password, boolean sysop) {
        HandleRules.shapeProblem(handle).ifPresent(problem -> {
            throw new SysopException(problem);
        });
        checkPassword(password);
        refuseLookalike(handle);
        User user;
        try {
            user = users.create(handle, hasher.hash(password));
        } catch (HandleTakenException e) {
            // Lost a race with a registration of the same handle or a look-alike.
            refuseLookalike(handle);
            throw new SysopException("the handle " + handle + " is taken");
        }
        if (sysop) {
            users.setSysop(user.id(), true);
            user = users.findById(user.id()).orElseThrow();
        }
        audit.record(actor, "user.add", user.handle() + (sysop ? " (sysop)" : ""));
        return user;
    }

    private void refuseLookalike(String handle) {
        users.findLookalike(handle).ifPresent(existing -> {
            throw new SysopException(existing.handle().equalsIgnoreCase(handle)
                    ? "the handle " + handle + " is taken"
                    : "the handle " + handle + " is too much like the existing " + existing.handle() + "; choose another");
        });
    }

    /** Every account, by handle. */
    public List<User> list() {
        return users.list();
    }

    /** One account, found without regard to case. */
    public User show(String handle) {
        return find(handle);
    }

    /**
     * Sets a new password, and ends everything the old one opened: the user's login tokens, JSON
     * connections and sessions (whoever knew the old password may be the reason for the change).
     */
    public User changePassword(String actor, String handle, String password) {
        User user = find(handle);
        checkPassword(password);
        users.setPasswordHash(user.id(), hasher.hash(password));
        audit.record(actor, "user.passwd", user.handle());
        logouts.endAll(user, PASSWORD_CHANGED);
        return user;
    }

    /** What the user's sessions are told when the sysop sets their password. */
    public static final String PASSWORD_CHANGED =
            "*** Your password was changed by the sysop. Please log in again with the new one.";

    /**
     * Bans the user: the next login is refused, and every live session is hung up at once.
     *
     * @return how many live sessions were hung up
     */
    public int ban(String actor, String handle, Optional<String> reason) {
        User user = find(handle);
        Optional<String> why = reason.map(text -> TextCleaner.clean(text, MAX_REASON)).filter(text -> !text.isEmpty());
        users.setBanned(user.id(), true);
        audit.record(actor, "user.ban", user.handle() + why.map(text -> ": " + text).orElse(""));
        return live.hangUp(user.handle(), "*** You have been banned by the sysop" + why.map(text -> ": " + text)
                .orElse(".") + " Goodbye.");
    }

    public User unban(String actor, String handle) {
        User user = find(handle);
        users.setBanned(user.id(), false);
        audit.record(actor, "user.unban", user.handle());
        return users.findById(user.id()).orElseThrow();
    }

    /** Grants or takes sysop rights; a live session's next sysop command sees the change. */
    public User setSysop(String actor, String handle, boolean sysop) {
        User user = find(handle);
        users.setSysop(user.id(), sysop);
        audit.record(actor, sysop ? "user.sysop" : "user.unsysop", user.handle());
        return users.findById(user.id()).orElseThrow();
    }

    /**
     * Removes the account and hangs up its live sessions.
     *
     * @return how many live sessions were hung up
     */
    public int delete(String actor, String handle) {
        User user = find(handle);
        users.delete(user.id());
        audit.record(actor, "user.delete", user.handle());
        return live.hangUp(user.handle(), "*** Your account has been removed by the sysop. Goodbye.");
    }

    private User find(String handle) {
        return users.find(handle).orElseThrow(() -> new SysopException("no user named " + handle));
    }

    private static void checkPassword(String password) {
        PasswordRules.problem(password).ifPresent(problem -> {
            throw new SysopException(problem);
        });
    }
}
