package dev.carrier.telnet;

import io.netty.channel.Channel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Decides when a connection's queued writes go out. The first write after a quiet spell is
 * flushed at the end of the current event-loop task, so typing and prompts feel immediate;
 * under steady traffic (a busy chat room) at most one flush per window follows, so several
 * lines share one syscall instead of each paying for its own.
 *
 * <p>Owned by the channel's event loop; call {@link #written()} there after each write.
 */
final class FlushPacer {

    /** Long enough to gather a busy room's lines, far below what a person notices. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMillis(5);

    private final Channel channel;
    private final long windowNanos;
    private final Runnable flush = this::flush;
    private boolean scheduled;
    private long lastFlush = System.nanoTime() - Long.MAX_VALUE / 2;

    public FlushPacer(Channel channel, Duration window) {
        this.channel = channel;
        this.windowNanos = window.toNanos();
    }

    public void written() {
        if (scheduled) return;
        scheduled = true;
        long wait = lastFlush + windowNanos - System.nanoTime();
        if (wait <= 0) {
            channel.eventLoop().execute(flush);
        } else {
            channel.eventLoop().schedule(flush, wait, TimeUnit.NANOSECONDS);
        }
    }

    private void flush() {
        scheduled = false;
        lastFlush = System.nanoTime();
        channel.flush();
    }
}
