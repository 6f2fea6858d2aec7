package dev.carrier.server;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** Reads durations the way sysops write them: {@code 90s}, {@code 15m}, {@code 2h}, {@code 500ms}, ISO-8601, or plain seconds ({@code 0}). */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("p")) return Duration.parse(text.toUpperCase(Locale.ROOT));
            if (text.endsWith("ms")) return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            if (Character.isDigit(text.charAt(text.length() - 1))) return Duration.ofSeconds(Long.parseLong(text));
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException("unknown unit");
            };
        } catch (RuntimeException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration: write it like 90s, 15m, 2h or 500ms");
        }
    }
}
