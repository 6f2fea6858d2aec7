package dev.carrier.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.terminal.SharedText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** A reader is slow by what it cannot take (bytes, time), never by how many lines a burst has. */
class ForwarderTest {

    private static final ReaderBudget BUDGET =
            new ReaderBudget(64 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(30));

    /** A screen whose transport takes bytes while {@code writable} says so. */
    private static class Screen implements Viewer {
        final List<String> seen = new ArrayList<>();
        boolean writable = true;
        Runnable waiting;
        int hangUps;
        int missedAtHangUp;

        @Override
        public Executor executor() {
            return Runnable::run;
        }

        @Override
        public boolean writable() {
            return writable;
        }

        @Override
        public void whenWritable(Runnable task) {
            waiting = task;
        }

        @Override
        public void show(ChatEvent event, SharedText text) {
            seen.add(text.text());
        }

        @Override
        public void missed(int lines) {
            seen.add("*** Missed " + lines);
        }

        @Override
        public void hangUp(int missed, Duration stalled) {
            hangUps++;
            missedAtHangUp = missed;
        }

        void drains(Forwarder forwarder) {
            writable = true;
            Runnable task = waiting;
            waiting = null;
            if (task != null) task.run();
        }
    }

    private static Forwarder.Delivery line(int n, int length, long atMillis) {
        String text = ("line " + n + " " + "x".repeat(length)).substring(0, length) + "\n";
        return Forwarder.Delivery.of(new ChatEvent.Public(RoomName.LOBBY, "alice", text, Instant.EPOCH), new SharedText(text), atMillis);
    }

    private static void offer(Forwarder forwarder, Forwarder.Delivery delivery) {
        if (forwarder.offer(delivery)) forwarder.executor().execute(forwarder::drain);
    }

    @Test
    void aReaderThatKeepsUpLosesNothingOfAThousandLineBurst() {
        Screen screen = new Screen();
        Forwarder forwarder = new Forwarder(screen, ReaderBudget.defaults(), "bob", ChatCounters.NONE);
        screen.writable = false; // the burst arrives faster than the socket drains
        for (int i = 1; i <= 1000; i++) offer(forwarder, line(i, 120, 0));
        screen.drains(forwarder);
        assertEquals(1000, screen.seen.size());
        assertTrue(screen.seen.get(0).startsWith("line 1 "));
        assertTrue(screen.seen.get(999).startsWith("line 1000 "));
        assertTrue(screen.seen.stream().noneMatch(s -> s.startsWith("*** Missed")));
    }

    @Test
    void pastTheByteBudgetTheOldestGoAndTheReaderIsToldHowManyAndCaughtUpFromTheNewest() {
        Screen screen = new Screen();
        Forwarder forwarder = new Forwarder(screen, BUDGET, "bob", ChatCounters.NONE);
        screen.writable = false;
        int lines = 1000; // 1,000 lines of 100 bytes: 100,000 bytes against a 65,536-byte budget
        for (int i = 1; i <= lines; i++) offer(forwarder, line(i, 99, 0));
        screen.drains(forwarder);
        int kept = 64 * 1024 / 100;
        assertEquals("*** Missed " + (lines - kept), screen.seen.get(0));
        assertEquals(kept, screen.seen.size() - 1);
        assertTrue(screen.seen.get(1).startsWith("line " + (lines - kept + 1) + " "), screen.seen.get(1));
        assertTrue(screen.seen.get(kept).startsWith("line " + lines + " "));
    }

    @Test
    void shortLinesCountAtLeastTheirQueueSlotSoOneReaderHoldsBoundedLines() {
        Screen screen = new Screen();
        Forwarder forwarder = new Forwarder(screen, BUDGET, "bob", ChatCounters.NONE);
        screen.writable = false;
        for (int i = 1; i <= 5000; i++) offer(forwarder, line(i, 3, 0));
        screen.drains(forwarder);
        assertEquals(64 * 1024 / ReaderBudget.MIN_LINE_COST, screen.seen.size() - 1);
    }

    @Test
    void linesOlderThanTheDelayLimitAreDroppedForTheNewest() {
        Screen screen = new Screen();
        Forwarder forwarder = new Forwarder(screen, BUDGET, "bob", ChatCounters.NONE);
        screen.writable = false;
        offer(forwarder, line(1, 20, 0));
        offer(forwarder, line(2, 20, 5_000));
        screen.drains(forwarder); // it read, so it is not stalled
        screen.writable = false;
        offer(forwarder, line(3, 20, 6_000));
        offer(forwarder, line(4, 20, 12_000));
        offer(forwarder, line(5, 20, 16_500)); // line 3 is now 10.5 s older than the newest
        screen.drains(forwarder);
        assertEquals(List.of("line 1", "line 2", "*** Missed 1", "line 4", "line 5"),
                screen.seen.stream().map(s -> s.startsWith("***") ? s : s.substring(0, 6)).toList());
    }

    @Test
    void aReaderThatTakesNothingForTheHangUpTimeIsHungUpOnOnce() {
        Screen screen = new Screen();
        Forwarder forwarder = new Forwarder(screen, BUDGET, "bob", ChatCounters.NONE);
        screen.writable = false;
        for (int t = 0; t < 30_000; t += 1_000) offer(forwarder, line(t, 20, t));
        assertEquals(0, screen.hangUps);
        offer(forwarder, line(99, 20, 30_000));
        assertEquals(1, screen.hangUps);
        assertTrue(screen.missedAtHangUp > 0);
        assertFalse(forwarder.offer(line(100, 20, 31_000)), "nothing more is queued for it");
        screen.drains(forwarder);
        assertTrue(screen.seen.isEmpty());
        assertEquals(1, screen.hangUps);
    }

    @Test
    void aTransportThatFillsUpMidBatchGetsTheRestLaterInOrder() {
        Screen screen = new Screen() {
            @Override
            public void show(ChatEvent event, SharedText text) {
                super.show(event, text);
                if (seen.size() % 10 == 0) writable = false; // its buffer fills every ten lines
            }
        };
        Forwarder forwarder = new Forwarder(screen, BUDGET, "bob", ChatCounters.NONE);
        screen.writable = false;
        for (int i = 1; i <= 100; i++) offer(forwarder, line(i, 20, 0));
        for (int round = 0; round < 10; round++) screen.drains(forwarder);
        assertEquals(100, screen.seen.size());
        for (int i = 1; i <= 100; i++) assertTrue(screen.seen.get(i - 1).startsWith("line " + i + " "), screen.seen.get(i - 1));
    }

    @Test
    void aSlowReaderThatStillTakesLinesIsNotHungUpOn() {
        Screen screen = new Screen();
        Forwarder forwarder = new Forwarder(screen, BUDGET, "bob", ChatCounters.NONE);
        for (int t = 0; t <= 120_000; t += 1_000) {
            screen.writable = false;
            offer(forwarder, line(t, 20, t));
            offer(forwarder, line(t + 1, 20, t));
            if (t % 20_000 == 0) screen.drains(forwarder); // reads now and then
        }
        assertEquals(0, screen.hangUps);
    }
}
