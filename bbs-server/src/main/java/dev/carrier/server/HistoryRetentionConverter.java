package dev.carrier.server;

import dev.carrier.chat.HistoryRetention;
import java.time.Duration;
import picocli.CommandLine;

/**
 * Reads {@code --chat-history LINES[,AGE]}: {@code 10000,90d}, {@code 500} (the default age), {@code 0}
 * (none kept).
 */
final class HistoryRetentionConverter implements CommandLine.ITypeConverter<HistoryRetention> {

    @Override
    public HistoryRetention convert(String value) {
        String[] parts = value.strip().split(",", 2);
        int lines;
        try {
            lines = Integer.parseInt(parts[0].strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not LINES[,AGE]: write it like 10000,90d");
        }
        Duration age = parts.length == 2 ? new DurationConverter().convert(parts[1]) : HistoryRetention.DEFAULT_AGE;
        try {
            return new HistoryRetention(lines, age);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
