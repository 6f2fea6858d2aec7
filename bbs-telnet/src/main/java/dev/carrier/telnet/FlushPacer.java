package dev.carrier.telnet;

import io.netty.channel.Channel;

/**
 * Decides when a connection's queued writes go out: as soon as the event loop gets round to it,
 * never after a fixed delay. The first write queues one flush behind the tasks already waiting
 * on the loop; what those tasks write to the same connection (the other lines of a burst, the
 * prompt after a reply) rides along in that one syscall. On an idle loop that is at the end of
 * the current task, so typing, prompts and a lone chat line go out at once; on a busy one the
 * lines gather by themselves, which is what Netty's {@code FlushConsolidationHandler} does for
 * writes made outside a read.
 *
 * <p>Owned by the channel's event loop; call {@link #written()} there after each write.
 */
final class FlushPacer {

    private final Channel channel;
    private final Runnable flush = this::flush;
    private boolean scheduled;

    FlushPacer(Channel channel) {
        this.channel = channel;
    }

    void written() {
        if (scheduled) return;
        scheduled = true;
        channel.eventLoop().execute(flush);
    }

    private void flush() {
        scheduled = false;
        channel.flush();
    }
}
