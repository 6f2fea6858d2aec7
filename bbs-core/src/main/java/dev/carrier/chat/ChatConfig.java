package dev.carrier.chat;

import java.time.Duration;
import java.util.Objects;

/**
 * Chat settings.
 *
 * @param floodBurst     messages (chat lines, DMs, pages, letters) a user may send at once before the
 *                       rate applies, over all their connections; 0 lifts the limit
 * @param floodInterval  one more message is allowed per interval after the burst
 * @param maxLineLength  longest chat line after cleaning
 * @param readerBudget   what a reader may owe before it misses lines or is hung up on
 * @param scrollback     lines shown to someone entering chat
 * @param maxWaitingMessages direct messages that may wait (undelivered) for one recipient;
 *                       further sends to them are refused until they read some
 */
public record ChatConfig(int floodBurst, Duration floodInterval, int maxLineLength, ReaderBudget readerBudget, int scrollback,
        int maxWaitingMessages) {

    public static final int DEFAULT_FLOOD_BURST = 5;
    /** In seconds, so that the command line can show it as text ({@code 1s}). */
    public static final int DEFAULT_FLOOD_INTERVAL_SECONDS = 1;
    public static final Duration DEFAULT_FLOOD_INTERVAL = Duration.ofSeconds(DEFAULT_FLOOD_INTERVAL_SECONDS);
    public static final int DEFAULT_MAX_LINE_LENGTH = 500;
    public static final int DEFAULT_SCROLLBACK = 20;
    public static final int DEFAULT_MAX_WAITING_MESSAGES = 500;

    public ChatConfig {
        if (floodBurst < 0) {
            throw new IllegalArgumentException("the flood burst (--flood-burst) must be 0 (no limit) or more, was "
                    + floodBurst);
        }
        Objects.requireNonNull(floodInterval, "floodInterval");
        if (floodInterval.isNegative()) {
            throw new IllegalArgumentException("the flood interval (--flood-interval) must be 0 or more, such as 1s;"
                    + " was " + floodInterval);
        }
        Objects.requireNonNull(readerBudget, "readerBudget");
        if (maxLineLength < 1 || scrollback < 0) {
            throw new IllegalArgumentException("chat lines must be at least 1 character long, scrollback 0 or more;"
                    + " was " + maxLineLength + ", " + scrollback);
        }
        if (maxWaitingMessages < 1) {
            throw new IllegalArgumentException("the cap on waiting messages must be at least 1, got "
                    + maxWaitingMessages);
        }
    }

    public static ChatConfig defaults() {
        return new ChatConfig(DEFAULT_FLOOD_BURST, DEFAULT_FLOOD_INTERVAL, DEFAULT_MAX_LINE_LENGTH,
                ReaderBudget.defaults(), DEFAULT_SCROLLBACK, DEFAULT_MAX_WAITING_MESSAGES);
    }

    /** The send budget per user, over every transport: a burst, then one per interval; 0 lifts it. */
    public ChatConfig withFlood(int burst, Duration interval) {
        return new ChatConfig(burst, interval, maxLineLength, readerBudget, scrollback, maxWaitingMessages);
    }

    public ChatConfig withReaderBudget(ReaderBudget budget) {
        return new ChatConfig(floodBurst, floodInterval, maxLineLength, budget, scrollback, maxWaitingMessages);
    }

    public ChatConfig withMaxWaitingMessages(int max) {
        return new ChatConfig(floodBurst, floodInterval, maxLineLength, readerBudget, scrollback, max);
    }

    public boolean floodControlled() {
        return floodBurst > 0;
    }
}
