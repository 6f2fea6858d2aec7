package dev.carrier.chat;

import java.time.Duration;

/**
 * Chat settings.
 *
 * @param floodBurst     lines a user may send at once before the rate applies; 0 lifts flood control
 * @param floodInterval  one more line is allowed per interval after the burst
 * @param maxLineLength  longest chat line after cleaning
 * @param mailboxLines   lines queued for a viewer who reads slowly before the oldest are dropped
 * @param scrollback     lines shown to someone entering chat
 */
public record ChatConfig(int floodBurst, Duration floodInterval, int maxLineLength, int mailboxLines, int scrollback) {

    public static ChatConfig defaults() {
        return new ChatConfig(5, Duration.ofSeconds(1), 500, 256, 20);
    }

    public ChatConfig withFlood(int burst, Duration interval) {
        return new ChatConfig(burst, interval, maxLineLength, mailboxLines, scrollback);
    }

    public ChatConfig withMailboxLines(int lines) {
        return new ChatConfig(floodBurst, floodInterval, maxLineLength, lines, scrollback);
    }

    public boolean floodControlled() {
        return floodBurst > 0;
    }
}
