package dev.carrier.session;

import dev.carrier.runtime.ManualTime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a client sends, in whatever bursts and at whatever pace, the editor stays usable. */
class LineEditorPropertiesTest {

    private static final int MAX_LENGTH = 40;

    /** A chunk of input and the pause before it. */
    record Burst(String text, long pauseMillis) {}

    @Provide
    Arbitrary<List<Burst>> bursts() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("\u001b", "\u001b[", "\u001bO", "\u001bP", "\u001b]", "\u001bX", "\u001b^", "\u001b_",
                        "\u001b\\", "\u0007", "\u009b", "\u0090", "\u009d", "\u009c", "\r", "\n", "\r\n", "\r\0",
                        "\b", "\u007f", "\u0015", "\u0017", "\u0004", "\t", "\0", "\u0001"),
                Arbitraries.of("a", "b", "1", ";", "[", "~", "A", " ", "\u00e9", "\u200b", "\u200d", "\u2028",
                        "\uD83D\uDE00", "\uD83D", "\uDE00"),
                Arbitraries.chars().map(String::valueOf));
        Arbitrary<String> text = piece.list().ofMaxSize(30).map(list -> String.join("", list));
        Arbitrary<Long> pause = Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(0, 300));
        return Combinators.combine(text, pause).as(Burst::new).list().ofMaxSize(12);
    }

    private static final class Recorder implements LineEditor.Sink {
        final List<String> lines = new ArrayList<>();

        @Override public void line(String line) { lines.add(line); }
        @Override public void key(char key) { }
        @Override public void echo(String text) { }
        @Override public void overflow(int maxLength) { }
    }

    private static void feed(LineEditor editor, ManualTime time, List<Burst> bursts) {
        for (Burst burst : bursts) {
            time.advance(Duration.ofMillis(burst.pauseMillis()));
            editor.newBurst();
            for (int i = 0; i < burst.text().length(); i++) {
                editor.accept(burst.text().charAt(i));
                assertTrue(editor.pending().length() <= MAX_LENGTH, "the line outgrew its bound");
            }
        }
    }

    @Property(tries = 1000)
    void anyInputLeavesTheBufferBoundedAndEachEnterEndsAtMostOneLine(@ForAll("bursts") List<Burst> bursts) {
        ManualTime time = new ManualTime();
        Recorder sink = new Recorder();
        LineEditor editor = new LineEditor(MAX_LENGTH, sink, time);
        feed(editor, time, bursts);
        long enters = bursts.stream().flatMap(b -> b.text().chars().boxed()).filter(c -> c == '\r' || c == '\n').count();
        assertTrue(sink.lines.size() <= enters, "more lines than line ends");
    }

    @Property(tries = 1000)
    void afterAnyInputAnEnterThenALineDeliversThatLine(@ForAll("bursts") List<Burst> bursts) {
        ManualTime time = new ManualTime();
        Recorder sink = new Recorder();
        LineEditor editor = new LineEditor(MAX_LENGTH, sink, time);
        feed(editor, time, bursts);
        "\rhello\r".chars().forEach(c -> editor.accept((char) c));
        assertEquals("hello", sink.lines.get(sink.lines.size() - 1));
    }

    @Property(tries = 1000)
    void noLineHoldsAControlOrEscapeCharacter(@ForAll("bursts") List<Burst> bursts) {
        ManualTime time = new ManualTime();
        Recorder sink = new Recorder();
        LineEditor editor = new LineEditor(MAX_LENGTH, sink, time);
        feed(editor, time, bursts);
        for (String line : sink.lines) {
            assertTrue(line.chars().noneMatch(c -> Character.getType(c) == Character.CONTROL), () -> "control in " + line);
        }
    }

    @Property(tries = 500)
    void howTheInputIsSplitIntoQuickBurstsChangesNoLine(@ForAll("bursts") List<Burst> bursts) {
        String all = String.join("", bursts.stream().map(Burst::text).toList());
        ManualTime time = new ManualTime();
        Recorder whole = new Recorder();
        LineEditor once = new LineEditor(MAX_LENGTH, whole, time);
        feed(once, time, List.of(new Burst(all, 0)));
        Recorder split = new Recorder();
        LineEditor inParts = new LineEditor(MAX_LENGTH, split, time);
        feed(inParts, time, bursts.stream().map(b -> new Burst(b.text(), 0)).toList());
        assertEquals(whole.lines, split.lines);
    }
}
