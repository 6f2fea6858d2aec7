package dev.carrier.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered user as the rest of the engine sees it. It deliberately does not carry the
 * password hash, so that no profile page, log line or JSON frame can leak it; login reads the
 * hash through {@link UserStore#credentials}.
 *
 * @param id stable key; handles may change case in display but ids never change
 * @param handle the login name, with the case it was registered in
 * @param displayName free text shown beside the handle; empty when unset
 * @param tagline a one-line motto; empty when unset
 * @param location where the user says they are; empty when unset
 * @param sysop may run sysop commands
 * @param banned may not log in
 * @param createdAt when the account was registered
 * @param lastLoginAt the previous successful login, empty before the first
 * @param preferences charset, colour and screen height the user chose
 */
public record User(
        long id,
        String handle,
        String displayName,
        String tagline,
        String location,
        boolean sysop,
        boolean banned,
        Instant createdAt,
        Optional<Instant> lastLoginAt,
        Preferences preferences) {

    public User {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastLoginAt, "lastLoginAt");
        Objects.requireNonNull(preferences, "preferences");
        displayName = displayName == null ? "" : displayName;
        tagline = tagline == null ? "" : tagline;
        location = location == null ? "" : location;
    }

    /** A user who has chosen no {@link Preferences} yet. */
    public User(long id, String handle, String displayName, String tagline, String location, boolean sysop,
            boolean banned, Instant createdAt, Optional<Instant> lastLoginAt) {
        this(id, handle, displayName, tagline, location, sysop, banned, createdAt, lastLoginAt,
                Preferences.DEFAULTS);
    }

    /** This user with other free-text profile fields; null or blank clears a field. */
    public User withProfile(String newDisplayName, String newTagline, String newLocation) {
        return new User(id, handle, newDisplayName, newTagline, newLocation, sysop, banned, createdAt, lastLoginAt,
                preferences);
    }

    public User withPreferences(Preferences newPreferences) {
        return new User(id, handle, displayName, tagline, location, sysop, banned, createdAt, lastLoginAt,
                newPreferences);
    }

    /** The display name when one is set, otherwise the handle. */
    public String shownName() {
        return displayName.isBlank() ? handle : displayName;
    }
}
