package dev.carrier.user;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Where registered users are kept. Handles are compared without regard to case everywhere.
 *
 * <p>Every method blocks on storage: call them from the worker pool, never from a transport's
 * event loop. Implementations are safe to share between threads. Storage failures surface as
 * {@link dev.carrier.store.StoreException}.
 *
 * <p>The store checks no rules of shape or reserved words ({@link HandleRules},
 * {@link PasswordRules}): registration does, while a sysop's own tools may, for example, create
 * the reserved handle {@code sysop}.
 */
public interface UserStore {

    /**
     * Registers a new user, not a sysop and not banned.
     *
     * @throws HandleTakenException when the handle exists in any case, or one too much like it
     *     ({@link HandleRules#skeleton})
     */
    User create(String handle, String passwordHash);

    /** The user with this handle in any case. */
    Optional<User> find(String handle);

    /**
     * The user whose handle is this one in any case, or else one whose handle looks like it
     * (an equal {@link HandleRules#skeleton}): what stands in the way of registering it.
     */
    Optional<User> findLookalike(String handle);

    /** The user with this id. */
    Optional<User> findById(long userId);

    /** The user with this handle in any case, and their password hash; for login only. */
    Optional<Credentials> credentials(String handle);

    /**
     * Notes a successful login.
     *
     * @throws NoSuchElementException when there is no user with this id
     */
    void recordLogin(long userId, Instant at);

    /** Every user, ordered by handle without regard to case. */
    List<User> list();

    /** How many users are registered. */
    int count();

    /**
     * Replaces the password hash.
     *
     * @throws NoSuchElementException when there is no user with this id
     */
    void setPasswordHash(long userId, String passwordHash);

    /**
     * Grants or takes away sysop rights.
     *
     * @throws NoSuchElementException when there is no user with this id
     */
    void setSysop(long userId, boolean sysop);

    /**
     * Bans or unbans. Sessions already open are the caller's business.
     *
     * @throws NoSuchElementException when there is no user with this id
     */
    void setBanned(long userId, boolean banned);

    /**
     * Replaces the free-text profile fields; null or blank clears a field.
     *
     * @throws NoSuchElementException when there is no user with this id
     */
    void updateProfile(long userId, String displayName, String tagline, String location);

    /**
     * Replaces the terminal preferences (charset, colour, screen height).
     *
     * @throws NoSuchElementException when there is no user with this id
     */
    void updatePreferences(long userId, Preferences preferences);

    /**
     * Removes the account. Messages and letters to and from the handle stay where they are.
     *
     * @throws NoSuchElementException when there is no user with this id
     */
    void delete(long userId);
}
