package dev.carrier.chat;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of each room's history is kept ({@code --chat-history LINES[,AGE]}): its last
 * {@code lines}, none older than {@code age}.
 */
public record HistoryRetention(int lines, Duration age) {

    public static final int DEFAULT_LINES = 10_000;
    public static final Duration DEFAULT_AGE = Duration.ofDays(90);
    /** The option's default as a sysop writes it. */
    public static final String DEFAULT_TEXT = "10000,90d";

    public HistoryRetention {
        Objects.requireNonNull(age, "age");
        if (lines < 0 || age.isNegative() || age.isZero()) {
            throw new IllegalArgumentException("the chat history (--chat-history) keeps 0 or more lines per room"
                    + " for a positive time, such as 10000,90d; was " + lines + "," + age);
        }
    }

    public static HistoryRetention defaults() {
        return new HistoryRetention(DEFAULT_LINES, DEFAULT_AGE);
    }
}
