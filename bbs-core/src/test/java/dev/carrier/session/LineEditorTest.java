package dev.carrier.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineEditorTest {

    private final List<String> lines = new ArrayList<>();
    private final List<Character> keys = new ArrayList<>();
    private final StringBuilder screen = new StringBuilder();
    private final List<Integer> overflows = new ArrayList<>();
    private final LineEditor editor = new LineEditor(10, new LineEditor.Sink() {
        @Override public void line(String line) { lines.add(line); }
        @Override public void key(char key) { keys.add(key); }
        @Override public void echo(String text) { screen.append(text); }
        @Override public void overflow(int maxLength) { overflows.add(maxLength); }
    });

    private void type(String text) {
        text.chars().forEach(c -> editor.accept((char) c));
    }

    @Test
    void everyLineEndingEndsExactlyOneLine() {
        type("a\r\nb\r\0c\rd\ne\r");
        assertEquals(List.of("a", "b", "c", "d", "e"), lines);
    }

    @Test
    void emptyLinesAreStillLines() {
        type("\r\n\r\n");
        assertEquals(List.of("", ""), lines);
    }

    @Test
    void backspaceDelAndCtrlDEraseOneCharacterEach() {
        type("abcd\b\u007f\u0004x\r");
        assertEquals(List.of("ax"), lines);
        assertEquals("abcd\b \b\b \b\b \bx\n", screen.toString());
    }

    @Test
    void eraseOnAnEmptyLineDoesNothing() {
        type("\b\u007fok\r");
        assertEquals(List.of("ok"), lines);
        assertEquals("ok\n", screen.toString());
    }

    @Test
    void ctrlUKillsTheLine() {
        type("secret\u0015hi\r");
        assertEquals(List.of("hi"), lines);
    }

    @Test
    void ctrlWErasesTheLastWord() {
        type("one two\u0017three\r");
        assertEquals(List.of("one three"), lines);
    }

    @Test
    void maskedInputEchoesStars() {
        editor.mode(InputMode.MASKED);
        type("pw\r");
        assertEquals(List.of("pw"), lines);
        assertEquals("**\n", screen.toString());
    }

    @Test
    void noEchoForClientsThatEchoThemselves() {
        editor.echo(false);
        type("hi\b!\r");
        assertEquals(List.of("h!"), lines);
        assertEquals("", screen.toString());
    }

    @Test
    void overLongLineIsCutAndReportedOnce() {
        type("0123456789abcdef\r");
        assertEquals(List.of("0123456789"), lines);
        assertEquals(List.of(10), overflows);
        type("short\r");
        assertEquals("short", lines.get(1));
        assertEquals(1, overflows.size());
    }

    @Test
    void aPromptMayTakeLongerLinesAndTheNextPromptIsBackToTheBound() {
        editor.mode(InputMode.LINE, 20);
        type("0123456789abcdefghij-cut\r");
        assertEquals(List.of("0123456789abcdefghij"), lines);
        assertEquals(List.of(20), overflows);
        editor.mode(InputMode.LINE);
        type("0123456789abcdef\r");
        assertEquals("0123456789", lines.get(1));
        assertEquals(List.of(20, 10), overflows);
    }

    @Test
    void hotkeyDeliversTheKeyAndSwallowsTheEnterAfterIt() {
        editor.mode(InputMode.HOTKEY);
        type("w\r\n");
        assertEquals(List.of('w'), keys);
        assertEquals(List.of(), lines);
        type("\r");
        assertEquals(List.of(""), lines);
    }

    @Test
    void anEnterInALaterBurstIsALineOfItsOwn() {
        editor.mode(InputMode.HOTKEY);
        type("w");
        editor.mode(InputMode.LINE);
        editor.newBurst();
        type("\r\n");
        assertEquals(List.of('w'), keys);
        assertEquals(List.of(""), lines);
    }

    @Test
    void hotkeyWithoutEnterLeavesTheNextLineAlone() {
        editor.mode(InputMode.HOTKEY);
        type("c");
        editor.mode(InputMode.LINE);
        type("hello\r");
        assertEquals(List.of('c'), keys);
        assertEquals(List.of("hello"), lines);
    }

    @Test
    void arrowKeysAndOtherControlsNeverEnterALine() {
        type("a\u001b[A\u001b[1;5Cb\u001bOPc\u0001\u0007d\r");
        assertEquals(List.of("abcd"), lines);
    }

    @Test
    void surrogatePairsEraseAsOneCharacter() {
        type("x\uD83D\uDE00\b\r");
        assertEquals(List.of("x"), lines);
    }
}
