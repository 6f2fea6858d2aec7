package dev.carrier.chat;

import java.time.Duration;

/**
 * Chat settings.
 *
 * @param floodBurst     messages (chat lines, DMs, pages, letters) a user may send at once before the
 *                       rate applies, over all their connections; 0 lifts the limit
 * @param floodInterval  one more message is allowed per interval after the burst
 * @param maxLineLength  longest chat line after cleaning
 * @param mailboxLines   lines queued for a viewer who reads slowly before the oldest are dropped
 * @param scrollback     lines shown to someone entering chat
 * @param maxWaitingMessages direct messages that may wait (undelivered) for one recipient;
 *                       further sends to them are refused until they read some
 */
public record ChatConfig(int floodBurst, Duration floodInterval, int maxLineLength, int mailboxLines, int scrollback,
        int maxWaitingMessages) {

    public ChatConfig {
        if (maxWaitingMessages < 1) {
            throw new IllegalArgumentException("the cap on waiting messages must be at least 1, got "
                    + maxWaitingMessages);
        }
    }

    public static ChatConfig defaults() {
        return new ChatConfig(5, Duration.ofSeconds(1), 500, 256, 20, 500);
    }

    /** The send budget per user, over every transport: a burst, then one per interval; 0 lifts it. */
    public ChatConfig withFlood(int burst, Duration interval) {
        return new ChatConfig(burst, interval, maxLineLength, mailboxLines, scrollback, maxWaitingMessages);
    }

    public ChatConfig withMailboxLines(int lines) {
        return new ChatConfig(floodBurst, floodInterval, maxLineLength, lines, scrollback, maxWaitingMessages);
    }

    public ChatConfig withMaxWaitingMessages(int max) {
        return new ChatConfig(floodBurst, floodInterval, maxLineLength, mailboxLines, scrollback, max);
    }

    public boolean floodControlled() {
        return floodBurst > 0;
    }
}
