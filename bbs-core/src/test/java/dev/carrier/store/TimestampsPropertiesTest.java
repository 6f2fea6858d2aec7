package dev.carrier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The stored form of a moment, written out by hand, reads as the general formatter writes it. */
class TimestampsPropertiesTest {

    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Property
    void anyMomentIsStoredAsTheFormatterWritesIt(
            @ForAll @LongRange(min = -70_000_000_000L, max = 300_000_000_000L) long second,
            @ForAll @LongRange(min = 0, max = 999_999_999) long nano) {
        Instant at = Instant.ofEpochSecond(second, nano);
        String stored = Timestamps.format(at);
        assertEquals(REFERENCE.format(at), stored);
        assertEquals(Timestamps.stored(at), Timestamps.parse(stored), "it reads back to the millisecond");
    }
}
