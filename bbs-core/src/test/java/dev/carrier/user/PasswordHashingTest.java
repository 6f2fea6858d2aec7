package dev.carrier.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    // The smallest cost keeps the tests quick; the algorithm is the same.
    private final PasswordHasher hasher = new BcryptPasswordHasher(BcryptPasswordHasher.MIN_COST);

    @Test
    void rightPasswordVerifies() {
        String hash = hasher.hash("correct horse");

        assertTrue(hasher.verify("correct horse", hash));
    }

    @Test
    void wrongPasswordDoesNotVerify() {
        String hash = hasher.hash("correct horse");

        assertFalse(hasher.verify("correct horsE", hash));
        assertFalse(hasher.verify("", hash));
    }

    @Test
    void sameInputHashesDifferentlyEachTime() {
        assertNotEquals(hasher.hash("secret"), hasher.hash("secret"));
    }

    @Test
    void nonAsciiPasswordRoundTrips() {
        String hash = hasher.hash("pässwörd 密码");

        assertTrue(hasher.verify("pässwörd 密码", hash));
        assertFalse(hasher.verify("passwort 密码", hash));
    }

    @Test
    void malformedHashVerifiesNothingAndDoesNotThrow() {
        assertFalse(hasher.verify("secret", "not a hash"));
        assertFalse(hasher.verify("secret", ""));
        assertFalse(hasher.verify("secret", (String) null));
        assertFalse(hasher.verify("secret", "$2a$04$short"));
    }

    @Test
    void overlongPasswordVerifiesNothingAndDoesNotThrow() {
        assertFalse(hasher.verify("x".repeat(100), hasher.hash("x".repeat(72))));
    }

    @Test
    void overlongPasswordIsNotHashed() {
        assertThrows(IllegalArgumentException.class, () -> hasher.hash("x".repeat(73)));
    }

    @Test
    void hashesAtAnotherCostStillVerify() {
        String older = new BcryptPasswordHasher(5).hash("secret");

        assertTrue(hasher.verify("secret", older));
    }

    @Test
    void unknownHandleIsCheckedAgainstADummyOfTheSameCost() {
        String real = hasher.hash("secret");

        // "$2a$04$": same algorithm and cost, hence the same time to verify.
        assertEquals(real.substring(0, 7), hasher.dummyHash().substring(0, 7));
        assertFalse(hasher.verify("secret", Optional.empty()));
        assertTrue(hasher.verify("secret", Optional.of(real)));
        assertFalse(hasher.verify("wrong", Optional.of(real)));
    }

    @Test
    void costOutsideBcryptsRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BcryptPasswordHasher(3));
        assertThrows(IllegalArgumentException.class, () -> new BcryptPasswordHasher(32));
    }
}
