package dev.carrier.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The test terminal follows the ECMA-48/xterm rules the chat screen relies on. */
class ScreenModelTest {

    private static final String ESC = "\u001b";

    @Test
    void textWrapsAndLineFeedsScrollTheWholeScreen() {
        ScreenModel screen = new ScreenModel(10, 3).feed("one\r\ntwo\r\nthree\r\nfour");
        assertEquals("two", screen.row(1));
        assertEquals("four", screen.row(3));
        assertEquals(1, screen.scrolledOff());
        screen.feed("\r\n0123456789ab");
        assertEquals("0123456789", screen.row(2));
        assertEquals("ab", screen.row(3));
    }

    @Test
    void aLineOfExactlyTheWidthDoesNotWrapUntilTheNextCharacter() {
        ScreenModel screen = new ScreenModel(5, 3).feed("abcde");
        assertEquals(1, screen.cursorRow());
        assertEquals(5, screen.cursorColumn());
        screen.feed("\r\nx");
        assertEquals("x", screen.row(2));
    }

    @Test
    void lineFeedAtTheBottomMarginScrollsOnlyTheRegion() {
        ScreenModel screen = new ScreenModel(10, 5).feed(ESC + "[5;1Hinput" + ESC + "[4;1Hstatus");
        screen.feed(ESC + "[1;3r" + ESC + "[3;1Ha\r\nb\r\nc\r\n");
        assertEquals("b", screen.row(1));
        assertEquals("c", screen.row(2));
        assertEquals("", screen.row(3));
        assertEquals("status", screen.row(4));
        assertEquals("input", screen.row(5));
        assertEquals(0, screen.scrolledOff());
    }

    @Test
    void lineFeedOnTheLastRowBelowTheRegionDoesNothing() {
        ScreenModel screen = new ScreenModel(10, 5).feed("top" + ESC + "[1;3r" + ESC + "[5;1Htyped\r\n");
        assertEquals("top", screen.row(1));
        assertEquals("typed", screen.row(5));
        assertEquals(5, screen.cursorRow());
        assertEquals(1, screen.cursorColumn());
    }

    @Test
    void cursorMovesStopAtTheMarginsAndEraseClears() {
        ScreenModel screen = new ScreenModel(10, 6).feed(ESC + "[2;4r" + ESC + "[3;5H" + ESC + "[9A");
        assertEquals(2, screen.cursorRow());
        screen.feed(ESC + "[9B");
        assertEquals(4, screen.cursorRow());
        screen.feed(ESC + "[3D" + ESC + "[2C");
        assertEquals(4, screen.cursorColumn());
        screen.feed("\rhello" + ESC + "[3D" + ESC + "[K");
        assertEquals("he", screen.row(4));
        screen.feed(ESC + "[2J");
        assertEquals("", screen.row(4));
    }

    @Test
    void saveAndRestoreReturnTheCursor() {
        ScreenModel screen = new ScreenModel(10, 5).feed(ESC + "[5;3H" + ESC + "7" + ESC + "[1;1Hx" + ESC + "8y");
        assertEquals("x", screen.row(1));
        assertEquals("  y", screen.row(5));
        screen.feed(ESC + "[2;2H" + ESC + "[s" + ESC + "[4;4H" + ESC + "[uz");
        assertEquals(" z", screen.row(2));
    }

    @Test
    void resettingTheRegionMakesTheWholeScreenScrollAgainAndSgrIsIgnored() {
        ScreenModel screen = new ScreenModel(10, 3).feed(ESC + "[1;2r");
        screen.feed(ESC + "[r" + ESC + "[1;7mbold" + ESC + "[0m");
        assertTrue(screen.wholeScreenScrolls());
        assertEquals("bold", screen.row(1));
        screen.feed(ESC + "[3;1H\r\n");
        assertEquals(1, screen.scrolledOff());
    }
}
