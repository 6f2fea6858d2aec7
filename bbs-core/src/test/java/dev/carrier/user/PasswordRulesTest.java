package dev.carrier.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordRulesTest {

    private static final Optional<String> LENGTH = Optional.of("password must be 6 to 72 characters");

    @ParameterizedTest
    @ValueSource(strings = {"secret", "correct horse battery staple", "pässwörd", "密码密码密码"})
    void reasonablePasswordsAreAccepted(String password) {
        assertEquals(Optional.empty(), PasswordRules.problem(password));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12345", "abc"})
    void shortPasswordsAreRefused(String password) {
        assertEquals(LENGTH, PasswordRules.problem(password));
    }

    @Test
    void seventyTwoAsciiCharactersAreTheLimit() {
        assertEquals(Optional.empty(), PasswordRules.problem("x".repeat(72)));
        assertEquals(LENGTH, PasswordRules.problem("x".repeat(73)));
    }

    @Test
    void limitCountsUtf8BytesBecauseBcryptDoes() {
        // 40 characters, 80 bytes: bcrypt would ignore the last 8 bytes.
        String password = "é".repeat(40);

        Optional<String> problem = PasswordRules.problem(password);

        assertEquals(Optional.of("password is too long: letters beyond plain ASCII count as 2 to 4 characters,"
                + " and the limit is 72"), problem);
        assertEquals(Optional.empty(), PasswordRules.problem("é".repeat(36)));
    }

    @Test
    void controlCharactersAreRefused() {
        assertEquals(Optional.of("password must not contain control characters"),
                PasswordRules.problem("secret\u001b[A"));
    }
}
