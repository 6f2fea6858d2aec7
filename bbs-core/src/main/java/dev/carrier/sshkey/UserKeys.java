package dev.carrier.sshkey;

import dev.carrier.audit.AuditLog;
import dev.carrier.user.User;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's SSH public keys as every surface changes them: the sysop's {@code carrier user key}
 * and the caller's own profile screen apply the same rules (a pasted line must be a key of a
 * supported type, a key opens one account only, at most {@link SshKeyStore#MAX_KEYS_PER_USER}
 * per account) and write each change to the {@link AuditLog} with who made it. The surfaces only
 * word the outcomes for their readers.
 *
 * <p>Every method blocks (storage): call from the worker pool. Safe to share between threads.
 */
public final class UserKeys {

    /** How adding a pasted line ended. */
    public sealed interface Added {
        /** The key is stored, as listed from now on. */
        record Stored(SshKey key) implements Added {}

        /** The line is not an OpenSSH public key; {@code problem} says why, in words for a person. */
        record NotAKey(String problem) implements Added {}

        record AlreadyYours(String fingerprint) implements Added {}

        /** The key belongs to another account (a key logs in to one account only). */
        record Taken(String fingerprint) implements Added {}

        record TooMany(int max) implements Added {}
    }

    private final SshKeyStore keys;
    private final AuditLog audit;
    private final Clock clock;

    public UserKeys(SshKeyStore keys, AuditLog audit, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Adds the pasted key line to the user's keys. */
    public Added add(String actor, User user, String line) {
        PublicKeyText key;
        try {
            key = PublicKeyText.parse(line);
        } catch (IllegalArgumentException e) {
            return new Added.NotAKey(e.getMessage());
        }
        return switch (keys.add(user.id(), key, clock.instant())) {
            case ALREADY_YOURS -> new Added.AlreadyYours(key.fingerprint());
            case TAKEN -> new Added.Taken(key.fingerprint());
            case TOO_MANY -> new Added.TooMany(SshKeyStore.MAX_KEYS_PER_USER);
            case ADDED -> {
                SshKey added = keys.keysOf(user.id()).stream()
                        .filter(k -> k.fingerprint().equals(key.fingerprint())).findFirst().orElseThrow();
                audit.record(actor, "user.key.add", describe(user, added));
                yield new Added.Stored(added);
            }
        };
    }

    /** The user's keys, oldest first: the numbers {@link #remove} takes count from 1 in this order. */
    public List<SshKey> of(User user) {
        return keys.keysOf(user.id());
    }

    /**
     * Removes the user's key named by its fingerprint (with or without {@code SHA256:}) or by its
     * number in the list (1 is the oldest); returns it, or empty when there is no such key.
     */
    public Optional<SshKey> remove(String actor, User user, String fingerprintOrNumber) {
        Optional<SshKey> chosen = choose(of(user), fingerprintOrNumber == null ? "" : fingerprintOrNumber.strip());
        if (chosen.isEmpty() || !keys.remove(user.id(), chosen.get().id())) return Optional.empty();
        audit.record(actor, "user.key.remove", describe(user, chosen.get()));
        return chosen;
    }

    private static Optional<SshKey> choose(List<SshKey> all, String wanted) {
        Optional<SshKey> byFingerprint = all.stream()
                .filter(k -> k.fingerprint().equals(wanted) || k.fingerprint().equals("SHA256:" + wanted)).findFirst();
        if (byFingerprint.isPresent() || !wanted.matches("\\d{1,3}")) return byFingerprint;
        int number = Integer.parseInt(wanted);
        return number >= 1 && number <= all.size() ? Optional.of(all.get(number - 1)) : Optional.empty();
    }

    private static String describe(User user, SshKey key) {
        String comment = key.key().comment();
        return user.handle() + " " + key.fingerprint() + (comment.isEmpty() ? "" : " (" + comment + ")");
    }
}
