package dev.carrier.user;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a handle chosen at registration must look like, and when two handles look alike.
 *
 * <p>Two handles are confusable when their {@link #skeleton skeletons} are equal. The store keeps
 * each user's skeleton under a unique index, so a handle too much like an existing one is refused
 * however many registrations race for it.
 */
public final class HandleRules {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 20;

    /**
     * ASCII only: it types on every terminal and charset Carrier serves (CP437 included), SQLite's
     * NOCASE compares it without regard to case, and no two handles can look alike while
     * differing in invisible ways.
     */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{" + MIN_LENGTH + "," + MAX_LENGTH + "}");
    private static final Pattern HAS_LETTER_OR_DIGIT = Pattern.compile(".*[A-Za-z0-9].*");

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

    /** Unicode's confusables (UTS #39), in one immutable checker that is safe to share. */
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    private static final Set<String> RESERVED_SKELETONS =
            RESERVED.stream().map(HandleRules::skeleton).collect(Collectors.toUnmodifiableSet());

    private HandleRules() {}

    /**
     * The key under which look-alike handles collide: {@code alice}, {@code ALICE}, {@code aIice},
     * {@code al1ce}, {@code a_lice} and a Cyrillic {@code аlice} all have one skeleton.
     *
     * <p>Unicode's confusable skeleton first (so {@code I}, {@code 1} and {@code |} become
     * {@code l}, {@code 0} becomes {@code O}, {@code m} becomes {@code rn}); then, because handles
     * are compared and shown in any case, the lower case, where {@code i} and {@code l} are one
     * (an upper-case {@code I} is drawn as an {@code l}) and the digits that pass for letters
     * ({@code 0 1 2 5 8}) are those letters; {@code vv} is {@code w}; and {@code _} and {@code -}
     * are left out, so {@code bob_} is {@code bob}. Deliberately coarse: refusing {@code nell}
     * beside {@code neil} costs a second choice, while accepting {@code aIice} beside
     * {@code alice} lets one user pass for another.
     *
     * <p>Stored skeletons were computed by this function: a change to it needs a migration that
     * computes them again.
     */
    public static String skeleton(String handle) {
        String unicode = SPOOF.getSkeleton(NFKC.normalize(handle));
        String lower = SPOOF.getSkeleton(unicode.toLowerCase(Locale.ROOT)).toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            switch (c) {
                case '_', '-' -> { }
                case 'i', '1', '|' -> folded.append('l');
                case '0' -> folded.append('o');
                case '2' -> folded.append('z');
                case '5' -> folded.append('s');
                case '8' -> folded.append('b');
                default -> folded.append(c);
            }
        }
        return folded.toString().replace("vv", "w");
    }

    /** Why {@code handle} cannot be registered, in words for the user; empty when it can. */
    public static Optional<String> problem(String handle) {
        Optional<String> shape = shapeProblem(handle);
        if (shape.isPresent()) return shape;
        // Locale.ROOT: in a Turkish locale "ADMIN" would lower-case to a dotless i and slip by.
        if (RESERVED.contains(handle.toLowerCase(Locale.ROOT)) || RESERVED_SKELETONS.contains(skeleton(handle))) {
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
        if (!HAS_LETTER_OR_DIGIT.matcher(handle).matches()) {
            return Optional.of("handle must have at least one letter or digit");
        }
        return Optional.empty();
    }

    /**
     * What a log may say a caller tried as a handle: the text when it is shaped like one, else a
     * placeholder, since people type their password at the login prompt and logs travel far.
     */
    public static String forLog(String typed) {
        return shapeProblem(typed).isEmpty() ? typed : "(not a handle)";
    }
}
