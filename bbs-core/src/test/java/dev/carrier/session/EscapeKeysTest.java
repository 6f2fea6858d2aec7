package dev.carrier.session;

import dev.carrier.runtime.ManualTime;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alt chords, lone Escapes and unfinished sequences never swallow what is typed after them. */
class EscapeKeysTest {

    private final ManualTime time = new ManualTime();
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder screen = new StringBuilder();
    private final LineEditor editor = new LineEditor(80, new LineEditor.Sink() {
        @Override public void line(String line) { lines.add(line); }
        @Override public void key(char key) { }
        @Override public void echo(String text) { screen.append(text); }
        @Override public void overflow(int maxLength) { }
    }, time);

    private void type(String text) {
        text.chars().forEach(c -> editor.accept((char) c));
    }

    @Test
    void altPIsAChordNotTheStartOfADeviceControlString() {
        type("\u001bPhello\r");
        assertEquals(List.of("hello"), lines);
    }

    @Test
    void everyAltChordThatLooksLikeAStringCommandIsDropped() {
        type("\u001b]a\u001bXb\u001b^c\u001b_d\u001bPe\r");
        assertEquals(List.of("abcde"), lines);
        assertEquals("abcde\n", screen.toString());
    }

    @Test
    void altWithALetterOrAnEmojiDropsTheChordOnly() {
        type("x\u001bby\u001b\uD83D\uDE00z\r");
        assertEquals(List.of("xyz"), lines);
    }

    @Test
    void enterEndsAnUnfinishedSequenceAndStillEndsTheLine() {
        type("one\u001b[12;\r");
        type("two\r");
        assertEquals(List.of("one", "two"), lines);
    }

    @Test
    void enterEndsAnEightBitStringCommand() {
        type("a\u009dtitle\rb\r");
        assertEquals(List.of("a", "b"), lines);
    }

    @Test
    void aLoneEscapeTimesOutAndTheNextKeyIsTyped() {
        type("a\u001b");
        time.advance(Duration.ofMillis(KeyEscapesTiming.PAUSE_MILLIS));
        type("[b\r");
        assertEquals(List.of("a[b"), lines);
    }

    @Test
    void anUnfinishedCsiTimesOut() {
        type("a\u001b[1;");
        time.advance(Duration.ofMillis(KeyEscapesTiming.PAUSE_MILLIS));
        type("2b\r");
        assertEquals(List.of("a2b"), lines);
    }

    @Test
    void aSequenceWithinThePauseIsStillOneKey() {
        type("a\u001b");
        time.advance(Duration.ofMillis(50));
        type("[Db\r");
        assertEquals(List.of("ab"), lines);
    }

    @Test
    void anEndlessCsiIsGivenUpAtItsBound() {
        String parameters = "1;".repeat(30);
        type("\u001b[" + parameters + "x\r");
        assertEquals(List.of(parameters.substring(KeyEscapes.MAX_CSI + 1) + "x"), lines);
    }

    /** Just past the editor's pause for an unfinished sequence. */
    private static final class KeyEscapesTiming {
        static final long PAUSE_MILLIS = KeyEscapes.TIMEOUT_MILLIS + 1;
    }
}
