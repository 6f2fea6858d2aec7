package dev.carrier.chat;

import java.time.Duration;
import java.util.Objects;

/**
 * What one reader of the room may owe before it counts as slow, sized the way an IRC server
 * sizes a sendq: by bytes and by time, never by a count of lines. A reader whose socket drains
 * never meets it, however bursty the room.
 *
 * @param bytes        room lines waiting for one reader, by their size on the wire (a line counts
 *                     at least {@link #MIN_LINE_COST} bytes); past it the oldest are dropped and the
 *                     reader is told how many it missed
 * @param maxDelay     the oldest waiting line may be this much older than the newest; older ones
 *                     are dropped the same way, so a reader who falls behind is caught up from the
 *                     newest lines
 * @param hangUpAfter  a reader that took no line at all for this long while lines waited is hung
 *                     up on, as an IRC server does past its sendq
 */
public record ReaderBudget(long bytes, Duration maxDelay, Duration hangUpAfter) {

    /** Big enough that a 1,000-line burst of long lines reaches a reader that reads, whole. */
    public static final long DEFAULT_BYTES = 512 * 1024;
    public static final int DEFAULT_MAX_DELAY_SECONDS = 10;
    public static final int DEFAULT_HANG_UP_AFTER_SECONDS = 30;

    /**
     * What a short line is charged: its queue slot and bookkeeping are not free, and counting it
     * so bounds how many lines one reader can hold ({@code bytes / MIN_LINE_COST}).
     */
    public static final int MIN_LINE_COST = 64;

    /** Room for at least a few of the longest lines (500 characters, up to 4 bytes each). */
    public static final long SMALLEST_BYTES = 8 * 1024;

    public ReaderBudget {
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(hangUpAfter, "hangUpAfter");
        if (bytes < SMALLEST_BYTES) {
            throw new IllegalArgumentException("the chat reader budget (--chat-reader-budget) must be at least "
                    + SMALLEST_BYTES + " bytes, was " + bytes);
        }
        if (maxDelay.isNegative() || maxDelay.isZero()) {
            throw new IllegalArgumentException("the chat delay limit (--chat-max-delay) must be above 0, such as 10s;"
                    + " was " + maxDelay);
        }
        if (hangUpAfter.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("--chat-hang-up-after must be at least --chat-max-delay (" + maxDelay
                    + "), was " + hangUpAfter);
        }
    }

    public static ReaderBudget defaults() {
        return new ReaderBudget(DEFAULT_BYTES, Duration.ofSeconds(DEFAULT_MAX_DELAY_SECONDS),
                Duration.ofSeconds(DEFAULT_HANG_UP_AFTER_SECONDS));
    }

    /** What a line of this many wire bytes counts against the budget. */
    static int cost(int lineBytes) {
        return Math.max(lineBytes, MIN_LINE_COST);
    }
}
