package dev.carrier.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How every Carrier table stores a moment: ISO-8601 UTC text with exactly three fraction digits,
 * such as {@code 2026-11-24T18:05:09.120Z}.
 *
 * <p>Text rather than epoch numbers so that a sysop reading the file with the sqlite3 shell sees
 * dates; a fixed width so that comparing and sorting the text in SQL orders the moments, which
 * {@link Instant#toString()} (which drops zero fractions) would not.
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    /** The stored form of {@code at}; anything finer than a millisecond is dropped. */
    public static String format(Instant at) {
        return FORMAT.format(at);
    }

    /** The moment a stored text stands for. */
    public static Instant parse(String text) {
        return Instant.parse(text);
    }

    /** {@code at} as it will read back after a round trip through the database. */
    public static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }
}
