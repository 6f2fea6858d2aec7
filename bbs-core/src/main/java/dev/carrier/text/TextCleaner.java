package dev.carrier.text;

/**
 * Makes user text safe to show on someone else's terminal: no C0 or C1 control characters, no
 * escape sequences (so nobody moves another user's cursor, clears their screen or sets their
 * title), no bidirectional overrides, and a bound on length.
 */
public final class TextCleaner {

    private TextCleaner() {}

    /** Cleans and cuts to at most {@code maxLength} characters, trimming the ends. */
    public static String clean(String text, int maxLength) {
        EscapeFilter escapes = new EscapeFilter();
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength));
        for (int i = 0; i < text.length() && out.length() < maxLength; i++) {
            char c = text.charAt(i);
            if (escapes.swallow(c)) continue;
            if (c == '\t') {
                out.append(' ');
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out.length() + 2 > maxLength) break;
                out.append(c).append(text.charAt(++i));
            } else if (!isUnsafe(c)) {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /** Controls, lone surrogates, and the invisible marks that reorder or hide text. */
    public static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200e || c == 0x200f || c == 0xfeff;
    }
}
