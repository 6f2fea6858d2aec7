package dev.carrier.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;

/**
 * Makes user text safe to show on someone else's terminal: no control characters, no escape
 * sequences (so nobody moves another user's cursor, clears their screen or sets their title), no
 * invisible or format characters, no stack of combining marks that spills over other lines, and a
 * bound on length.
 *
 * <p>What goes, by Unicode general category (ICU's tables, newer than the JDK's):
 * <ul>
 *   <li>Cc controls and escape sequences; a tab becomes a space.
 *   <li>Cf format characters (zero-width spaces and joiners, bidi marks and overrides, soft hyphen,
 *       invisible operators, interlinear annotation, tag characters), except a zero-width joiner
 *       between two emoji, which an emoji sequence needs (👩‍💻). Tags go too, so a subdivision
 *       flag shows as the plain black flag it is built on.
 *   <li>Zl and Zp (U+2028, U+2029); every other space separator becomes a plain space.
 *   <li>Cs lone surrogates and Cn unassigned code points (noncharacters included): they have no
 *       agreed look, and a later Unicode may make them format characters.
 *   <li>Letters and marks that draw nothing: the Hangul fillers and the combining grapheme joiner.
 * </ul>
 * Private use (Co) stays: terminals with icon fonts draw those, one cell each.
 *
 * <p>At most {@link #MAX_MARKS} combining marks (Mn, Me) follow one base character; more is
 * "Zalgo" text that draws over the lines around it.
 *
 * <p>Cleaning twice changes nothing: {@code clean(clean(x, n), n) == clean(x, n)}.
 */
public final class TextCleaner {

    /** The most combining marks kept on one base character. */
    public static final int MAX_MARKS = 4;

    private static final int ZWJ = 0x200d;

    private TextCleaner() {}

    /** Cleans and cuts to at most {@code maxLength} characters (UTF-16 units), trimming the ends. */
    public static String clean(String text, int maxLength) {
        StringBuilder kept = keepSafe(text, maxLength);
        return joinersOnlyInEmoji(kept).strip();
    }

    /**
     * First pass: everything but the joiner rule. A joiner is kept for now and does not end a run
     * of marks, so that dropping it later never joins two runs into one longer than the cap.
     */
    private static StringBuilder keepSafe(String text, int maxLength) {
        EscapeFilter escapes = new EscapeFilter();
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength));
        int marks = 0;
        int i = 0;
        while (i < text.length() && out.length() < maxLength) {
            char c = text.charAt(i);
            if (escapes.swallow(c)) {
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\t' || isSpace(cp)) cp = ' ';
            if (cp == ZWJ) {
                out.append((char) ZWJ);
                continue;
            }
            if (isUnsafe(cp)) continue;
            if (isMark(cp)) {
                if (marks >= MAX_MARKS) continue;
                marks++;
            } else {
                marks = 0;
            }
            if (out.length() + Character.charCount(cp) > maxLength) break;
            out.appendCodePoint(cp);
        }
        return out;
    }

    /** Second pass: a joiner stays only after an emoji (or its modifier) and before another emoji. */
    private static String joinersOnlyInEmoji(StringBuilder text) {
        if (text.indexOf("\u200d") < 0) return text.toString();
        StringBuilder out = new StringBuilder(text.length());
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ZWJ) {
                boolean before = previous >= 0 && continuesEmoji(previous);
                boolean after = i < text.length() && isPictographic(text.codePointAt(i));
                if (!before || !after) continue;
            }
            out.appendCodePoint(cp);
            previous = cp;
        }
        return out.toString();
    }

    private static boolean continuesEmoji(int cp) {
        return isPictographic(cp) || cp == 0xfe0f || UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_MODIFIER);
    }

    private static boolean isPictographic(int cp) {
        return UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC);
    }

    private static boolean isSpace(int cp) {
        return UCharacter.getType(cp) == UCharacterCategory.SPACE_SEPARATOR;
    }

    private static boolean isMark(int cp) {
        int type = UCharacter.getType(cp);
        return type == UCharacterCategory.NON_SPACING_MARK || type == UCharacterCategory.ENCLOSING_MARK;
    }

    /**
     * True for a code point that must never reach another user's screen: controls, format
     * characters (the emoji joiner is the cleaner's one exception, decided by context), line and
     * paragraph separators, surrogates, unassigned code points, and the characters that draw
     * nothing.
     */
    public static boolean isUnsafe(int cp) {
        return switch (UCharacter.getType(cp)) {
            case UCharacterCategory.CONTROL, UCharacterCategory.FORMAT, UCharacterCategory.SURROGATE,
                    UCharacterCategory.UNASSIGNED, UCharacterCategory.LINE_SEPARATOR,
                    UCharacterCategory.PARAGRAPH_SEPARATOR -> true;
            default -> isBlankFiller(cp);
        };
    }

    /** Assigned letters and marks that are drawn as nothing at all, used to fake empty names. */
    private static boolean isBlankFiller(int cp) {
        return cp == 0x115f || cp == 0x1160 || cp == 0x3164 || cp == 0xffa0 // Hangul fillers
                || cp == 0x034f                                             // combining grapheme joiner
                || cp == 0x17b4 || cp == 0x17b5                             // Khmer inherent vowels
                || cp == 0x180e;                                            // Mongolian vowel separator
    }

    /** {@link #isUnsafe(int)} for one UTF-16 unit; a surrogate half on its own is unsafe. */
    public static boolean isUnsafe(char c) {
        return isUnsafe((int) c);
    }
}
