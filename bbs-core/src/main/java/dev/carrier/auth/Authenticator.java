package dev.carrier.auth;

import dev.carrier.user.Credentials;
import dev.carrier.user.PasswordHasher;
import dev.carrier.user.User;
import dev.carrier.user.UserStore;
import java.time.Clock;
import java.util.Optional;

/**
 * Checks a handle and password, the same for telnet logins and the JSON API: a wrong handle
 * and a wrong password take the same time and give the same answer. A success is recorded as
 * the user's last login. Blocks (hashing is slow on purpose): call from the worker pool.
 */
public final class Authenticator {

    private final UserStore users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public Authenticator(UserStore users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** The user, if the password is theirs (banned users included: callers say what a ban means). */
    public Optional<User> check(String handle, String password) {
        Optional<Credentials> credentials = users.credentials(handle);
        if (!hasher.verify(password, credentials.map(Credentials::passwordHash))) return Optional.empty();
        User user = credentials.get().user();
        users.recordLogin(user.id(), clock.instant());
        return Optional.of(user);
    }
}
