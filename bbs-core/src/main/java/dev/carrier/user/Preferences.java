package dev.carrier.user;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a user wants their terminal treated, chosen in the profile and applied at every login.
 *
 * @param charset    the wire charset; empty leaves the transport's pick from the terminal type
 * @param colour     whether stages may draw with ANSI colour
 * @param screenRows lines per screen for paging; 0 follows the terminal's own report (NAWS)
 * @param chatLayout how chat draws where the terminal handles ANSI ({@code /layout} in chat)
 */
public record Preferences(Optional<Charset> charset, boolean colour, int screenRows, ChatLayout chatLayout) {

    /** The IBM PC character set that ANSI-BBS terminals draw boxes with. */
    public static final Charset CP437 = Charset.forName("IBM437");

    public static final int MIN_SCREEN_ROWS = 10;
    public static final int MAX_SCREEN_ROWS = 200;

    /** Nothing chosen: the terminal's charset and size, no colour. */
    public static final Preferences DEFAULTS = new Preferences(Optional.empty(), false, 0);

    public Preferences {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(chatLayout, "chatLayout");
        charset.ifPresent(Preferences::nameOf);
        if (screenRows != 0 && (screenRows < MIN_SCREEN_ROWS || screenRows > MAX_SCREEN_ROWS)) {
            throw new IllegalArgumentException("screen height must be 0 or " + MIN_SCREEN_ROWS + "-"
                    + MAX_SCREEN_ROWS + ", was " + screenRows);
        }
    }

    /** Preferences with the default chat layout (the screen, where the terminal allows it). */
    public Preferences(Optional<Charset> charset, boolean colour, int screenRows) {
        this(charset, colour, screenRows, ChatLayout.SCREEN);
    }

    public Preferences withCharset(Charset newCharset) {
        return new Preferences(Optional.of(newCharset), colour, screenRows, chatLayout);
    }

    public Preferences withColour(boolean on) {
        return new Preferences(charset, on, screenRows, chatLayout);
    }

    public Preferences withScreenRows(int rows) {
        return new Preferences(charset, colour, rows, chatLayout);
    }

    public Preferences withChatLayout(ChatLayout layout) {
        return new Preferences(charset, colour, screenRows, layout);
    }

    /** The name a charset is stored and shown under: {@code UTF-8} or {@code CP437}. */
    public static String nameOf(Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) return "UTF-8";
        if (charset.equals(CP437)) return "CP437";
        throw new IllegalArgumentException("charset must be UTF-8 or CP437, was " + charset.name());
    }

    /** The charset a user typed or the database holds ({@code utf-8}, {@code utf8}, {@code cp437}, {@code 437}). */
    public static Optional<Charset> charsetNamed(String name) {
        return switch (name.strip().toUpperCase(Locale.ROOT)) {
            case "UTF-8", "UTF8" -> Optional.of(StandardCharsets.UTF_8);
            case "CP437", "IBM437", "437", "CP-437" -> Optional.of(CP437);
            default -> Optional.empty();
        };
    }
}
