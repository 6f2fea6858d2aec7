package dev.carrier.sysop;

import dev.carrier.sshkey.SshKey;
import dev.carrier.sshkey.UserKeys;
import dev.carrier.sshkey.UserKeys.Added;
import dev.carrier.user.User;
import dev.carrier.user.UserStore;
import java.util.List;
import java.util.Objects;

/**
 * What a sysop does to a user's SSH public keys ({@code carrier user key ...}), with or without a
 * running server: {@link UserKeys}' rules and audit entries, worded for the sysop.
 *
 * <p>Every method blocks (storage): call from the worker pool. Refusals are
 * {@link SysopException}s with a one-line reason that says what to do. Safe to share between threads.
 */
public final class SshKeyAdmin {

    /** The start of the refusal of a line that is not a public key. */
    public static final String NOT_A_KEY = "not an OpenSSH public key: paste one line such as ssh-ed25519 AAAA... you@host";

    private final UserStore users;
    private final UserKeys keys;

    public SshKeyAdmin(UserStore users, UserKeys keys) {
        this.users = Objects.requireNonNull(users, "users");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Adds the pasted key line to the user's keys; returns it as stored. */
    public SshKey add(String actor, String handle, String keyLine) {
        User user = find(handle);
        Added added = keys.add(actor, user, keyLine);
        if (added instanceof Added.Stored stored) return stored.key();
        throw new SysopException(refusal(user, added));
    }

    private static String refusal(User user, Added added) {
        if (added instanceof Added.NotAKey notAKey) return NOT_A_KEY + " (" + notAKey.problem() + ")";
        if (added instanceof Added.AlreadyYours mine) return user.handle() + " already has the key " + mine.fingerprint();
        if (added instanceof Added.Taken taken) {
            return "the key " + taken.fingerprint() + " already belongs to another account; a key logs in to one "
                    + "account only, so give " + user.handle() + " a key of their own";
        }
        if (added instanceof Added.TooMany tooMany) {
            return user.handle() + " already has " + tooMany.max()
                    + " keys, the most an account may have; remove one first with carrier user key remove";
        }
        throw new IllegalStateException("not a refusal: " + added);
    }

    /** The user's keys, oldest first. */
    public List<SshKey> list(String handle) {
        return keys.of(find(handle));
    }

    /**
     * Removes the user's key named by its fingerprint (with or without {@code SHA256:}) or its
     * number in the list (1 is the oldest); returns it.
     */
    public SshKey remove(String actor, String handle, String fingerprint) {
        User user = find(handle);
        return keys.remove(actor, user, fingerprint).orElseThrow(() -> new SysopException(user.handle()
                + " has no key " + (fingerprint == null ? "" : fingerprint.strip())
                + "; see the fingerprints with carrier user key list " + user.handle()));
    }

    private User find(String handle) {
        return users.find(handle).orElseThrow(() -> new SysopException("no user named " + handle));
    }
}
