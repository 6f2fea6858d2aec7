package dev.carrier.user;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What a password chosen at registration or change must look like. */
public final class PasswordRules {

    public static final int MIN_LENGTH = 6;

    /** bcrypt reads no further than 72 bytes; a longer password would be cut silently. */
    public static final int MAX_BYTES = 72;

    private PasswordRules() {}

    /** Why {@code password} cannot be used, in words for the user; empty when it can. */
    public static Optional<String> problem(String password) {
        if (password == null) {
            return Optional.of(lengthRule());
        }
        int characters = password.codePointCount(0, password.length());
        if (characters < MIN_LENGTH || characters > MAX_BYTES) {
            return Optional.of(lengthRule());
        }
        // A control character typed by accident (an arrow key's escape sequence) would lock the
        // user out of a password they cannot type again.
        if (password.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("password must not contain control characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("password is too long: letters beyond plain ASCII count as 2 to 4 characters,"
                    + " and the limit is " + MAX_BYTES);
        }
        return Optional.empty();
    }

    private static String lengthRule() {
        return "password must be " + MIN_LENGTH + " to " + MAX_BYTES + " characters";
    }
}
