package dev.carrier.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.carrier.admin.AdminException;
import dev.carrier.admin.AdminViews.TailEvent;
import dev.carrier.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the sysop commands write times, durations and JSON. */
final class Format {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final ObjectWriter JSON = Json.MAPPER.writerWithDefaultPrettyPrinter();

    private Format() {}

    /** {@code 2026-11-26 13:05} in this machine's time zone; {@code -} for none. */
    static String dateTime(String iso) {
        return iso == null ? "-" : DATE_TIME.format(Instant.parse(iso));
    }

    static String dateTimeSeconds(String iso) {
        return iso == null ? "-" : SECONDS.format(Instant.parse(iso));
    }

    /** {@code 3d 4h}, {@code 2h 05m}, {@code 7m 03s}, {@code 42s}. */
    static String duration(long seconds) {
        long s = Math.max(0, seconds);
        if (s >= 86_400) return String.format(Locale.ROOT, "%dd %dh", s / 86_400, (s % 86_400) / 3600);
        if (s >= 3600) return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
        if (s >= 60) return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        return s + "s";
    }

    static String mebibytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MiB";
    }

    /** Pretty JSON for scripts ({@code --json}). */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new AdminException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** One line of the live feed: {@code 13:05:09  node 3  login  alice}. */
    static String tail(TailEvent event) {
        String at = CLOCK.format(Instant.parse(event.at()));
        String node = event.node() == null ? "       " : String.format(Locale.ROOT, "node %-2d", event.node());
        StringBuilder line = new StringBuilder(at).append("  ").append(node).append("  ")
                .append(String.format(Locale.ROOT, "%-10s", event.kind()));
        if (!"chat".equals(event.kind()) && event.handle() != null) line.append(' ').append(event.handle());
        if (event.text() != null) line.append(' ').append(event.text());
        // A caller paging the sysop rings the console's terminal.
        return line.toString().stripTrailing() + ("page".equals(event.kind()) ? "\u0007" : "");
    }
}
