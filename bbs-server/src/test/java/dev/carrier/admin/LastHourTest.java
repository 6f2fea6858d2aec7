package dev.carrier.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carrier.runtime.ManualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The dashboard's last hour, minute by minute, on a hand-driven clock. */
class LastHourTest {

    private final ManualTime time = new ManualTime(Instant.parse("2026-11-30T10:00:30Z"));
    private final AtomicInteger connected = new AtomicInteger();
    private final LastHour hour = new LastHour(time, connected::get);

    private void connect() {
        connected.incrementAndGet();
        hour.opened(null);
    }

    private void hangUp() {
        connected.decrementAndGet();
        hour.closed(null);
    }

    @Test
    void sixtyMinutesEndingNowWithNobodyBeforeTheServerStarted() {
        LastHour.Series series = hour.series();
        assertEquals(60, series.minutes().size());
        assertEquals(Instant.parse("2026-11-30T10:00:00Z").getEpochSecond(), series.minutes().get(59));
        assertEquals(Instant.parse("2026-11-30T09:01:00Z").getEpochSecond(), series.minutes().get(0));
        assertEquals(Collections.nCopies(60, 0), series.callers());
        assertEquals(Collections.nCopies(60, 0), series.messages());
    }

    @Test
    void eachMinuteShowsTheMostCallersAtOnceAndQuietMinutesKeepTheCountBefore() {
        connect();
        connect();
        hangUp();
        time.advance(Duration.ofMinutes(1));
        connect();
        time.advance(Duration.ofMinutes(3)); // nobody came or went

        List<Integer> callers = hour.series().callers();
        assertEquals(List.of(2, 2, 2, 2, 2), callers.subList(55, 60));
        assertEquals(0, callers.get(54), "before the server started");

        hangUp();
        hangUp();
        callers = hour.series().callers();
        assertEquals(2, callers.get(59), "the most at once in this minute, though nobody is on now");
        time.advance(Duration.ofMinutes(1));
        assertEquals(0, hour.series().callers().get(59));
    }

    @Test
    void messagesCountInTheirMinuteAndAnHourLaterAreGone() {
        hour.message();
        hour.message();
        time.advance(Duration.ofMinutes(2));
        hour.message();
        List<Integer> messages = hour.series().messages();
        assertEquals(List.of(2, 0, 1), messages.subList(57, 60));

        time.advance(Duration.ofMinutes(59));
        assertEquals(1, hour.series().messages().get(0), "the last message is 59 minutes old now");
        assertEquals(1, hour.series().messages().stream().mapToInt(Integer::intValue).sum());
        time.advance(Duration.ofMinutes(1));
        assertEquals(0, hour.series().messages().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void theCallersOfAMinuteThatFellOutOfTheRingAreCarriedIntoTheWindow() {
        connect();
        time.advance(Duration.ofMinutes(90));
        assertEquals(Collections.nCopies(60, 1), hour.series().callers());
    }
}
