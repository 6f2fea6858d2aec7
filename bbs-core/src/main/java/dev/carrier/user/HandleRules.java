package dev.carrier.user;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What a handle chosen at registration must look like. */
public final class HandleRules {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 20;

    /**
     * ASCII only: it types on every terminal and charset Carrier serves (CP437 included), SQLite's
     * NOCASE compares it without regard to case, and no two handles can look alike while
     * differing in invisible ways.
     */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{" + MIN_LENGTH + "," + MAX_LENGTH + "}");

    /**
     * Words the login prompt gives a meaning to, names that would pass for staff or for the
     * server, and words chat commands could confuse with everyone at once. Lower case.
     */
    private static final Set<String> RESERVED = Set.of(
            "new", "guest", "login", "logout", "quit", "exit", "bye",
            "sysop", "sysops", "sysadmin", "root", "admin", "admins", "administrator", "operator",
            "moderator", "mod", "mods", "staff", "support", "help", "postmaster", "webmaster",
            "system", "carrier", "server", "bbs", "chat", "bot",
            "all", "everyone", "everybody", "nobody", "someone", "anonymous", "anon",
            "me", "you", "null", "unknown");

    private HandleRules() {}

    /** Why {@code handle} cannot be registered, in words for the user; empty when it can. */
    public static Optional<String> problem(String handle) {
        Optional<String> shape = shapeProblem(handle);
        if (shape.isPresent()) return shape;
        // Locale.ROOT: in a Turkish locale "ADMIN" would lower-case to a dotless i and slip by.
        if (RESERVED.contains(handle.toLowerCase(Locale.ROOT))) {
            return Optional.of("that handle is reserved");
        }
        return Optional.empty();
    }

    /**
     * Why {@code handle} is not shaped like a handle, ignoring reserved words: what a sysop's own
     * tools check, since they may create {@code sysop} itself.
     */
    public static Optional<String> shapeProblem(String handle) {
        if (handle == null || !SHAPE.matcher(handle).matches()) {
            return Optional.of("handle must be " + MIN_LENGTH + "-" + MAX_LENGTH + " letters, digits, _ or -");
        }
        return Optional.empty();
    }
}
