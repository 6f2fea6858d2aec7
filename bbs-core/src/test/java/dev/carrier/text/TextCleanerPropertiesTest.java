package dev.carrier.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** What the cleaner promises for any text at all, hostile text most of all. */
class TextCleanerPropertiesTest {

    /**
     * Text built from the characters that matter: escapes, C0 and C1 controls, format and
     * invisible characters, marks, emoji and their joiners, surrogate halves, and plain letters;
     * plus any char at all.
     */
    @Provide
    Arbitrary<String> hostileText() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("\u001b", "\u001b[", "\u001b]", "\u001bP", "\u0007", "\u009b", "\u009d", "\u009c",
                        "\u001b\\", "\r", "\n", "\t", "\u0000", "\u007f"),
                Arbitraries.of("\u200b", "\u200c", "\u200d", "\u200e", "\u202e", "\u2066", "\u2060", "\u061c",
                        "\u2028", "\u2029", "\ufff9", "\ufeff", "\u00ad", "\u034f", "\u3164", "\u115f", "\u180e",
                        "\uDB40\uDC67", "\uDB40\uDC7F", "\ufffe", "\uffff"),
                Arbitraries.of("\u0301", "\u0302", "\u20dd", "\ufe0f", "\ufe0e", "\uDB40\uDD00"),
                Arbitraries.of("\uD83D\uDC69", "\uD83D\uDCBB", "\uD83C\uDFFD", "\u2764", "\uD83C\uDFF4"),
                Arbitraries.of("\uD83D", "\uDE00"),
                Arbitraries.of(" ", "\u00a0", "\u3000", "a", "Z", "\u00e9", "\u4f60", "\u0645"),
                Arbitraries.chars().map(String::valueOf),
                Arbitraries.integers().between(0, Character.MAX_CODE_POINT).map(Character::toString));
        return pieces.list().ofMaxSize(60).map(list -> String.join("", list));
    }

    @Property(tries = 2000)
    void outputHoldsNoControlEscapeOrFormatCharacter(@ForAll("hostileText") String text) {
        String clean = TextCleaner.clean(text, 80);
        for (int i = 0; i < clean.length(); ) {
            int cp = clean.codePointAt(i);
            int type = UCharacter.getType(cp);
            assertFalse(type == UCharacterCategory.CONTROL || type == UCharacterCategory.SURROGATE
                    || type == UCharacterCategory.UNASSIGNED || type == UCharacterCategory.LINE_SEPARATOR
                    || type == UCharacterCategory.PARAGRAPH_SEPARATOR, () -> "U+" + Integer.toHexString(cp) + " in " + clean);
            if (type == UCharacterCategory.FORMAT) {
                assertEquals(0x200d, cp, () -> "format character U+" + Integer.toHexString(cp) + " in " + clean);
                int before = clean.codePointBefore(i);
                int after = clean.codePointAt(i + 1);
                assertTrue(UCharacter.hasBinaryProperty(after, UProperty.EXTENDED_PICTOGRAPHIC), "joiner before a non-emoji");
                assertTrue(UCharacter.hasBinaryProperty(before, UProperty.EXTENDED_PICTOGRAPHIC)
                        || UCharacter.hasBinaryProperty(before, UProperty.EMOJI_MODIFIER) || before == 0xfe0f,
                        "joiner after a non-emoji");
            }
            i += Character.charCount(cp);
        }
    }

    @Property(tries = 2000)
    void cleaningTwiceChangesNothing(@ForAll("hostileText") String text, @ForAll @IntRange(min = 1, max = 80) int max) {
        String once = TextCleaner.clean(text, max);
        assertEquals(once, TextCleaner.clean(once, max));
    }

    @Property(tries = 1000)
    void anyStringAtAllIsCleanedTwiceTheSame(@ForAll String text) {
        String once = TextCleaner.clean(text, 40);
        assertEquals(once, TextCleaner.clean(once, 40));
    }

    @Property(tries = 2000)
    void lengthBoundHolds(@ForAll("hostileText") String text, @ForAll @IntRange(min = 0, max = 80) int max) {
        assertTrue(TextCleaner.clean(text, max).length() <= max);
    }

    @Property(tries = 2000)
    void noMoreThanTheCapOfMarksInARow(@ForAll("hostileText") String text) {
        String clean = TextCleaner.clean(text, 200);
        int run = 0;
        for (int i = 0; i < clean.length(); ) {
            int cp = clean.codePointAt(i);
            int type = UCharacter.getType(cp);
            boolean mark = type == UCharacterCategory.NON_SPACING_MARK || type == UCharacterCategory.ENCLOSING_MARK;
            run = mark ? run + 1 : cp == 0x200d ? run : 0;
            assertTrue(run <= TextCleaner.MAX_MARKS, () -> "too many marks in a row: " + clean);
            i += Character.charCount(cp);
        }
    }

    @Property(tries = 500)
    void plainPrintableAsciiIsKeptAsItIs(@ForAll("printableAscii") String text) {
        assertEquals(text.strip(), TextCleaner.clean(text, 200));
    }

    @Provide
    Arbitrary<String> printableAscii() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(100);
    }
}
