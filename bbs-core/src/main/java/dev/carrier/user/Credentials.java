package dev.carrier.user;

import java.util.Objects;

/**
 * A user together with their password hash: what login needs, and only login.
 *
 * @param user the account
 * @param passwordHash as made by a {@link PasswordHasher}
 */
public record Credentials(User user, String passwordHash) {

    public Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    /** Leaves the hash out, so that logging a Credentials by mistake does not leak it. */
    @Override
    public String toString() {
        return "Credentials[user=" + user + ", passwordHash=(hidden)]";
    }
}
