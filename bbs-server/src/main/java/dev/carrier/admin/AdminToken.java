package dev.carrier.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** The secret that the admin endpoint asks of every request: 256 random bits, new at each start. */
public final class AdminToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminToken() {}

    /** A fresh token: 32 random bytes as URL-safe Base64 text (43 characters). */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Whether the token presented matches, compared in time that does not depend on where they
     * differ, so that no one can guess it a character at a time by timing the answers.
     */
    public static boolean matches(String expected, String presented) {
        if (expected == null || presented == null) return false;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
