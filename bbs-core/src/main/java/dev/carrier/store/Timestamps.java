package dev.carrier.store;

import java.time.Instant;
import java.time.LocalDateTime;
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

    /**
     * The stored form of {@code at}; anything finer than a millisecond is dropped. Written out by
     * hand for the years 0 to 9999: it runs for every chat line stored, and the general formatter
     * costs several times as much; other years take the formatter.
     */
    public static String format(Instant at) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) return FORMAT.format(at);
        char[] text = "0000-00-00T00:00:00.000Z".toCharArray();
        digits(text, 0, t.getYear(), 4);
        digits(text, 5, t.getMonthValue(), 2);
        digits(text, 8, t.getDayOfMonth(), 2);
        digits(text, 11, t.getHour(), 2);
        digits(text, 14, t.getMinute(), 2);
        digits(text, 17, t.getSecond(), 2);
        digits(text, 20, t.getNano() / 1_000_000, 3);
        return new String(text);
    }

    /** Writes {@code value} into {@code width} places from {@code at}, zero-padded. */
    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--, value /= 10) text[i] = (char) ('0' + value % 10);
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
