package dev.carrier.terminal;

/**
 * ANSI colour for the few places that use it (mail, profile), only when the user turned it on;
 * otherwise the text passes unchanged, so plain terminals and transcripts see no escapes.
 */
public final class Ansi {

    private static final String RESET = "\u001b[0m";

    private Ansi() {}

    /** Bright text: headings, labels. */
    public static String bold(boolean on, String text) {
        return on ? "\u001b[1m" + text + RESET : text;
    }

    /** Bright yellow: what is new. */
    public static String highlight(boolean on, String text) {
        return on ? "\u001b[1;33m" + text + RESET : text;
    }

    /** Cyan: frames and rules. */
    public static String frame(boolean on, String text) {
        return on ? "\u001b[36m" + text + RESET : text;
    }

    /** A horizontal rule of box-drawing characters, {@code width} wide, with an optional title. */
    public static String rule(String title, int width) {
        String start = title.isEmpty() ? "" : "\u2500\u2500 " + title + " ";
        int rest = Math.max(2, width - start.codePointCount(0, start.length()));
        return start + "\u2500".repeat(rest);
    }
}
