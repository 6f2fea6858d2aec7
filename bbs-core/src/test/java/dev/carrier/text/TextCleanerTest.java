package dev.carrier.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

    private static String clean(String text) {
        return TextCleaner.clean(text, 200);
    }

    @Test
    void escapeSequencesAndControlsAreDropped() {
        assertEquals("redtitle", clean("\u001b[31mred\u001b]0;x\u0007title\u009b2J\u0000"));
    }

    @Test
    void zeroWidthAndFormatCharactersAreDropped() {
        assertEquals("abcdefghijklm", clean("a\u200bb\u200cc\u200dd\u2060e\u061cf\u2028g\u2029h"
                + "\ufff9i\ufffaj\ufffbk\u00adl\ufeffm"));
    }

    @Test
    void bidiOverridesAndIsolatesAreDropped() {
        assertEquals("evil.exe", clean("evil\u202e\u2066.exe\u2069\u202c"));
    }

    @Test
    void hangulFillersAndTheGraphemeJoinerAreDropped() {
        assertEquals("ab", clean("\u3164a\u115f\u1160\u034f\uffa0b"));
        assertEquals("", clean("\u3164\u3164"));
    }

    @Test
    void tagCharactersAreDroppedLeavingTheBlackFlag() {
        String england = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F";
        assertEquals("\uD83C\uDFF4", clean(england));
    }

    @Test
    void aJoinerBetweenEmojiStays() {
        String technologist = "\uD83D\uDC69\u200d\uD83D\uDCBB"; // woman + ZWJ + laptop
        assertEquals(technologist, clean(technologist));
        String withSkin = "\uD83D\uDC69\uD83C\uDFFD\u200d\uD83D\uDCBB"; // woman, medium skin, ZWJ, laptop
        assertEquals(withSkin, clean(withSkin));
        String rainbowFlag = "\uD83C\uDFF3\ufe0f\u200d\uD83C\uDF08"; // white flag, VS16, ZWJ, rainbow
        assertEquals(rainbowFlag, clean(rainbowFlag));
    }

    @Test
    void aJoinerOutsideAnEmojiSequenceGoes() {
        assertEquals("a\uD83D\uDCBB", clean("a\u200d\uD83D\uDCBB"));
        assertEquals("\uD83D\uDC69b", clean("\uD83D\uDC69\u200db"));
        assertEquals("\uD83D\uDC69\u200d\uD83D\uDCBB", clean("\uD83D\uDC69\u200d\u200d\uD83D\uDCBB"));
    }

    @Test
    void variationSelectorsAfterAnEmojiStay() {
        assertEquals("\u2764\ufe0f \u2764\ufe0e", clean("\u2764\ufe0f \u2764\ufe0e"));
    }

    @Test
    void combiningMarksAreCappedPerBaseCharacter() {
        String zalgo = "Z" + "\u0301\u0302\u0303\u0304\u0305\u0306\u0307" + "a" + "\u0308\u0309";
        assertEquals("Z\u0301\u0302\u0303\u0304a\u0308\u0309", clean(zalgo));
    }

    @Test
    void accentedAndOtherScriptsAreUntouched() {
        String text = "cafe\u0301 na\u00efve \u0645\u0631\u062d\u0628\u0627 \u4f60\u597d \u0928\u092e\u0938\u094d\u0924\u0947";
        assertEquals(text, clean(text));
    }

    @Test
    void otherSpacesBecomePlainSpacesAndTheEndsAreTrimmed() {
        assertEquals("a b c", clean("\u00a0a\u2003b\u3000c\u202f"));
    }

    @Test
    void privateUseIconsStay() {
        assertEquals("\ue0a0 main", clean("\ue0a0 main"));
    }

    @Test
    void lengthIsBoundedWithoutSplittingAPair() {
        assertEquals("ab", TextCleaner.clean("ab\uD83D\uDE00", 3));
        assertEquals("abc", TextCleaner.clean("abcdef", 3));
    }
}
