package dev.carrier.sshkey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The users' SSH public keys. Methods block (SQLite): call them from the worker pool. */
public interface SshKeyStore {

    /** More than a person has devices; a bound on what one account can store. */
    int MAX_KEYS_PER_USER = 20;

    /** How adding a key ended. */
    enum Added { ADDED, ALREADY_YOURS, TAKEN, TOO_MANY }

    Added add(long userId, PublicKeyText key, Instant at);

    /** The user's keys, oldest first. */
    List<SshKey> keysOf(long userId);

    /** Removes the user's key with this id (as listed); false when the user has no such key. */
    boolean remove(long userId, long keyId);

    /** The id of the user this key belongs to, if any. */
    Optional<Long> owner(String type, String blob);
}
