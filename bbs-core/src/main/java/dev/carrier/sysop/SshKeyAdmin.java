package dev.carrier.sysop;

import dev.carrier.audit.AuditLog;
import dev.carrier.sshkey.PublicKeyText;
import dev.carrier.sshkey.SshKey;
import dev.carrier.sshkey.SshKeyStore;
import dev.carrier.user.User;
import dev.carrier.user.UserStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What a sysop does to a user's SSH public keys ({@code carrier user key ...}), with or without a
 * running server. Every change is written to the {@link AuditLog} with who made it.
 *
 * <p>Every method blocks (storage): call from the worker pool. Refusals are
 * {@link SysopException}s with a one-line reason that says what to do. Safe to share between threads.
 */
public final class SshKeyAdmin {

    /** The start of the refusal of a line that is not a public key. */
    public static final String NOT_A_KEY = "not an OpenSSH public key: paste one line such as ssh-ed25519 AAAA... you@host";

    private final UserStore users;
    private final SshKeyStore keys;
    private final AuditLog audit;
    private final Clock clock;

    public SshKeyAdmin(UserStore users, SshKeyStore keys, AuditLog audit, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Adds the pasted key line to the user's keys; returns it as stored. */
    public SshKey add(String actor, String handle, String keyLine) {
        User user = find(handle);
        PublicKeyText key;
        try {
            key = PublicKeyText.parse(keyLine);
        } catch (IllegalArgumentException e) {
            throw new SysopException(NOT_A_KEY + " (" + e.getMessage() + ")");
        }
        switch (keys.add(user.id(), key, clock.instant())) {
            case ADDED -> { }
            case ALREADY_YOURS -> throw new SysopException(user.handle() + " already has the key " + key.fingerprint());
            case TAKEN -> throw new SysopException("the key " + key.fingerprint()
                    + " already belongs to another account; a key logs in to one account only, so give "
                    + user.handle() + " a key of their own");
            case TOO_MANY -> throw new SysopException(user.handle() + " already has " + SshKeyStore.MAX_KEYS_PER_USER
                    + " keys, the most an account may have; remove one first with carrier user key remove");
        }
        SshKey added = keys.keysOf(user.id()).stream().filter(k -> k.fingerprint().equals(key.fingerprint()))
                .findFirst().orElseThrow();
        audit.record(actor, "user.key.add", describe(user, added));
        return added;
    }

    /** The user's keys, oldest first. */
    public List<SshKey> list(String handle) {
        return keys.keysOf(find(handle).id());
    }

    /**
     * Removes the user's key named by its fingerprint (with or without {@code SHA256:}) or its
     * number in the list (1 is the oldest); returns it.
     */
    public SshKey remove(String actor, String handle, String fingerprint) {
        User user = find(handle);
        String wanted = fingerprint == null ? "" : fingerprint.strip();
        List<SshKey> all = keys.keysOf(user.id());
        SshKey chosen = all.stream().filter(k -> k.fingerprint().equals(wanted)
                || k.fingerprint().equals("SHA256:" + wanted)).findFirst().orElse(null);
        if (chosen == null && wanted.matches("\\d{1,3}")) {
            int number = Integer.parseInt(wanted);
            if (number >= 1 && number <= all.size()) chosen = all.get(number - 1);
        }
        if (chosen == null || !keys.remove(user.id(), chosen.fingerprint())) {
            throw new SysopException(user.handle() + " has no key " + wanted
                    + "; see the fingerprints with carrier user key list " + user.handle());
        }
        audit.record(actor, "user.key.remove", describe(user, chosen));
        return chosen;
    }

    private static String describe(User user, SshKey key) {
        String comment = key.key().comment();
        return user.handle() + " " + key.fingerprint() + (comment.isEmpty() ? "" : " (" + comment + ")");
    }

    private User find(String handle) {
        return users.find(handle).orElseThrow(() -> new SysopException("no user named " + handle));
    }
}
