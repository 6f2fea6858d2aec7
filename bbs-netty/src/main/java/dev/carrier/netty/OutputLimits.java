package dev.carrier.netty;

import io.netty.channel.WriteBufferWaterMark;
import java.time.Duration;
import java.util.Objects;

/**
 * How much output a connection may leave waiting when its client does not read. Above the high
 * water mark the channel is not writable: the engine holds back and the connection is no longer
 * read from (see {@link OutputGuard}); below the low mark both start again.
 *
 * @param blockedLimit    how long the output may stay blocked before the connection is closed
 * @param maxPendingBytes outbound bytes that may wait at most; one more closes the connection
 */
public record OutputLimits(Duration blockedLimit, long maxPendingBytes) {

    /** Outbound bytes queued per connection before the engine is told to hold back; every transport uses them. */
    public static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 64 * 1024);

    /** In seconds, so that the command line can show it as text ({@code 60s}). */
    public static final int DEFAULT_BLOCKED_SECONDS = 60;
    public static final Duration DEFAULT_BLOCKED_LIMIT = Duration.ofSeconds(DEFAULT_BLOCKED_SECONDS);
    /** Sixteen times the high water mark: room for what one read's input can still produce. */
    public static final long DEFAULT_MAX_PENDING_BYTES = 1024 * 1024;

    public OutputLimits {
        Objects.requireNonNull(blockedLimit, "blockedLimit");
        if (blockedLimit.isNegative() || blockedLimit.isZero()) {
            throw new IllegalArgumentException("the blocked-output limit must be above 0, such as 60s; was " + blockedLimit);
        }
        if (maxPendingBytes < WATER_MARK.high()) {
            throw new IllegalArgumentException("the pending-output cap must be at least " + WATER_MARK.high()
                    + " bytes (the high water mark), was " + maxPendingBytes);
        }
    }

    /** 60 seconds blocked, 1 MiB waiting. */
    public static OutputLimits defaults() {
        return new OutputLimits(DEFAULT_BLOCKED_LIMIT, DEFAULT_MAX_PENDING_BYTES);
    }
}
