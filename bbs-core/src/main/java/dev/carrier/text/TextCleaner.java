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
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength));
        int i = 0;
        while (i < text.length() && out.length() < maxLength) {
            char c = text.charAt(i);
            if (c == 0x1b) {
                i = skipEscape(text, i + 1);
                continue;
            }
            if (c == 0x9b) { // C1 CSI: the same as ESC [
                i = skipSequence(text, i + 1);
                continue;
            }
            if (c == '\t') {
                out.append(' ');
            } else if (!isUnsafe(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    if (out.length() + 2 > maxLength) break;
                    out.append(c).append(text.charAt(++i));
                } else if (!Character.isSurrogate(c)) {
                    out.append(c);
                }
            }
            i++;
        }
        return out.toString().strip();
    }

    private static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200e || c == 0x200f || c == 0xfeff;
    }

    /** After ESC: a CSI, an OSC/DCS string, or a two-character sequence. */
    private static int skipEscape(String text, int i) {
        if (i >= text.length()) return i;
        char kind = text.charAt(i);
        return switch (kind) {
            case '[' -> skipSequence(text, i + 1);
            case ']', 'P', 'X', '^', '_' -> skipString(text, i + 1);
            default -> i + 1;
        };
    }

    /** CSI parameters and intermediates up to the final byte. */
    private static int skipSequence(String text, int i) {
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c >= 0x40 && c <= 0x7e) break;
        }
        return i;
    }

    /** OSC and friends end at BEL or ST (ESC \). */
    private static int skipString(String text, int i) {
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c == 0x07 || c == 0x9c) break;
            if (c == 0x1b && i < text.length() && text.charAt(i) == '\\') {
                i++;
                break;
            }
        }
        return i;
    }
}
