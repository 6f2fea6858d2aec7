package dev.carrier.user;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * {@link PasswordHasher} with bcrypt ({@code $2a$} hashes). Each hash records its own cost, so
 * hashes made at an older cost keep verifying after the cost is raised.
 *
 * <p>Blocking and slow on purpose: call from the worker pool. Immutable, safe to share.
 */
public final class BcryptPasswordHasher implements PasswordHasher {

    /** About 50-100 ms per hash on a server core: slow for a guesser, quick for a login. */
    public static final int DEFAULT_COST = 10;

    /** The smallest cost bcrypt allows; fast, for tests. */
    public static final int MIN_COST = 4;

    public static final int MAX_COST = 31;

    private final int cost;
    private final String dummyHash;

    /** A hasher at {@link #DEFAULT_COST}. */
    public BcryptPasswordHasher() {
        this(DEFAULT_COST);
    }

    /**
     * A hasher at the given cost (each step doubles the time). Making one computes a hash, since
     * the dummy hash must have the same cost as real ones to take the same time.
     */
    public BcryptPasswordHasher(int cost) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be " + MIN_COST + " to " + MAX_COST + ", was " + cost);
        }
        this.cost = cost;
        this.dummyHash = hash(randomPassword());
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The cost new hashes are made with. */
    public int cost() {
        return cost;
    }

    @Override
    public String hash(String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > PasswordRules.MAX_BYTES) {
            throw new IllegalArgumentException(
                    "password is longer than bcrypt's " + PasswordRules.MAX_BYTES + " bytes; check PasswordRules first");
        }
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    @Override
    public boolean verify(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        try {
            return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
        } catch (RuntimeException e) {
            // The library throws for a password beyond 72 bytes, among others: such a password
            // cannot have been stored, so it does not match.
            return false;
        }
    }

    @Override
    public String dummyHash() {
        return dummyHash;
    }

    @Override
    public String toString() {
        return "BcryptPasswordHasher[cost=" + cost + "]";
    }
}
