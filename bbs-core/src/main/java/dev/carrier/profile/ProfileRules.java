package dev.carrier.profile;

import dev.carrier.text.TextCleaner;
import dev.carrier.user.ChatLayout;
import dev.carrier.user.Preferences;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Optional;

/**
 * What each profile field accepts. Free text is cleaned like chat text (no control characters,
 * no escape sequences) before its length is checked; every refusal says what is allowed.
 */
final class ProfileRules {

    /** What a caller reads when the profile's store is away. */
    static final String UNAVAILABLE = "*** Your profile is unavailable just now; try again shortly.";

    public static final int MAX_DISPLAY_NAME = 40;
    public static final int MAX_TAGLINE = 80;
    public static final int MAX_LOCATION = 40;

    /** Typed alone, clears a free-text field. */
    public static final String CLEAR = "-";

    /** A value the user typed, made acceptable, or why not. */
    public sealed interface Checked<T> {
        record Ok<T>(T value) implements Checked<T> {}

        record Refused<T>(String problem) implements Checked<T> {}
    }

    private ProfileRules() {}

    public static Checked<String> displayName(String typed) {
        return text(typed, 1, MAX_DISPLAY_NAME,
                "display name must be 1-" + MAX_DISPLAY_NAME + " characters (or - to show your handle instead)");
    }

    public static Checked<String> tagline(String typed) {
        return text(typed, 0, MAX_TAGLINE, "tagline must be at most " + MAX_TAGLINE + " characters, on one line");
    }

    public static Checked<String> location(String typed) {
        return text(typed, 0, MAX_LOCATION, "location must be at most " + MAX_LOCATION + " characters");
    }

    private static Checked<String> text(String typed, int min, int max, String rule) {
        if (typed.strip().equals(CLEAR)) return new Checked.Ok<>("");
        String clean = TextCleaner.clean(typed, 4 * max + 16);
        int length = clean.codePointCount(0, clean.length());
        if (length < min || length > max) return new Checked.Refused<>(rule);
        return new Checked.Ok<>(clean);
    }

    public static Checked<Charset> charset(String typed) {
        return Preferences.charsetNamed(typed).<Checked<Charset>>map(Checked.Ok::new)
                .orElseGet(() -> new Checked.Refused<>("charset must be UTF-8 or CP437"));
    }

    public static Checked<Boolean> colour(String typed) {
        return switch (typed.strip().toLowerCase(Locale.ROOT)) {
            case "on", "yes", "y" -> new Checked.Ok<>(true);
            case "off", "no", "n" -> new Checked.Ok<>(false);
            default -> new Checked.Refused<>("ANSI colour must be on or off");
        };
    }

    public static Checked<Integer> screenRows(String typed) {
        String digits = typed.strip();
        Optional<Integer> rows = digits.matches("\\d{1,4}") ? Optional.of(Integer.parseInt(digits)) : Optional.empty();
        if (rows.isPresent() && (rows.get() == 0
                || (rows.get() >= Preferences.MIN_SCREEN_ROWS && rows.get() <= Preferences.MAX_SCREEN_ROWS))) {
            return new Checked.Ok<>(rows.get());
        }
        return new Checked.Refused<>("screen height must be " + Preferences.MIN_SCREEN_ROWS + "-"
                + Preferences.MAX_SCREEN_ROWS + " lines, or 0 to follow your terminal");
    }

    public static Checked<ChatLayout> chatLayout(String typed) {
        return ChatLayout.named(typed).<Checked<ChatLayout>>map(Checked.Ok::new)
                .orElseGet(() -> new Checked.Refused<>("chat layout must be screen or plain"));
    }
}
