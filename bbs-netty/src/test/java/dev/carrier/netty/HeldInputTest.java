package dev.carrier.netty;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.terminal.TestTerminal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Typed input paced by the output: a chunk per task, only while writable, the rest held and bounded. */
class HeldInputTest {

    private final TestTerminal terminal = new TestTerminal();
    private final List<String> chunks = Collections.synchronizedList(new ArrayList<>());
    private final List<String> reading = Collections.synchronizedList(new ArrayList<>());
    private final HeldInput held = new HeldInput(terminal, text -> chunks.add(text.toString()), new HeldInput.Reading() {
        @Override
        public void hold() {
            reading.add("hold");
        }

        @Override
        public void release() {
            reading.add("release");
        }
    });

    @AfterEach
    void stop() {
        terminal.shutdown();
    }

    /** Runs on the terminal's executor, as a transport calls HeldInput, and waits for it. */
    private <T> T onLoop(Callable<T> action) throws Exception {
        return ((ExecutorService) terminal.executor()).submit(action).get();
    }

    private String received() {
        synchronized (chunks) {
            return String.join("", chunks);
        }
    }

    private String lastReading() {
        synchronized (reading) {
            return reading.isEmpty() ? "" : reading.get(reading.size() - 1);
        }
    }

    @Test
    void aLongPasteReachesTheSessionWholeInOrderAFewKeysAtATime() throws Exception {
        String paste = "0123456789".repeat(100);
        int first = onLoop(() -> {
            held.add(paste);
            return chunks.size();
        });
        assertEquals(1, first, "one chunk in the task that read the input, the rest in later tasks");
        await().atMost(Duration.ofSeconds(5)).until(() -> received().length() == paste.length());
        assertEquals(paste, received());
        assertTrue(chunks.stream().allMatch(c -> c.length() <= HeldInput.CHUNK), chunks.toString());
        assertEquals("release", lastReading());
        assertEquals(0, onLoop(held::waiting));
    }

    @Test
    void nothingGoesOnWhileTheOutputIsBlockedAndReadingStopsUntilItDrains() throws Exception {
        terminal.setWritable(false);
        onLoop(() -> {
            held.add("w".repeat(100));
            return null;
        });
        assertEquals("", received());
        assertEquals("hold", lastReading());
        assertEquals(100, onLoop(held::waiting));

        terminal.setWritable(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> received().length() == 100);
        assertEquals("release", lastReading());
    }

    @Test
    void whatWasTakenIsReportedOnlyOnceTheSessionHadAllOfIt() throws Exception {
        AtomicInteger taken = new AtomicInteger();
        terminal.setWritable(false);
        onLoop(() -> {
            held.add("a".repeat(40), taken::incrementAndGet);
            held.add("", taken::incrementAndGet); // nothing to hand over, but queued behind the first
            return null;
        });
        assertEquals(0, taken.get());
        terminal.setWritable(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> taken.get() == 2);
        assertEquals(40, received().length());

        onLoop(() -> {
            held.add("", taken::incrementAndGet);
            return null;
        });
        assertEquals(3, taken.get(), "an empty piece with nothing before it is taken at once");
    }

    @Test
    void keystrokesBeyondTheBoundAreDroppedAndReportedTakenAfterWhatWasHeldBeforeThem() throws Exception {
        AtomicInteger taken = new AtomicInteger();
        terminal.setWritable(false);
        onLoop(() -> {
            held.add("x".repeat(HeldInput.MAX_HELD_CHARS), null);
            held.add("y".repeat(1000), taken::incrementAndGet);
            return null;
        });
        assertEquals(HeldInput.MAX_HELD_CHARS, onLoop(held::waiting));

        terminal.setWritable(true);
        await().atMost(Duration.ofSeconds(20)).until(() -> taken.get() == 1);
        assertEquals("x".repeat(HeldInput.MAX_HELD_CHARS), received(), "the dropped keystrokes never arrive");
    }
}
