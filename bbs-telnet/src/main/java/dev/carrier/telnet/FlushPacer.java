package dev.carrier.telnet;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * Decides how a connection's output reaches the socket: gathered, and as soon as the event loop
 * gets round to it, never after a fixed delay.
 *
 * <p>Bytes are copied into one pooled buffer rather than each written on its own: a chat line is
 * about 60 bytes, and handing Netty a buffer per line costs more than the line (an outbound entry,
 * pending-byte accounting, a copy from heap to direct memory and an iovec each). The first write
 * queues one flush behind the tasks already waiting on the loop; what those tasks write to the
 * same connection (the other lines of a burst, the prompt after a reply) rides along in that one
 * syscall. On an idle loop that is at the end of the current task, so typing, prompts and a lone
 * chat line go out at once; on a busy one the lines gather by themselves, which is what Netty's
 * {@code FlushConsolidationHandler} does for writes made outside a read. As soon as the gathered
 * bytes would take the channel past its high water mark they are handed to it, so the channel
 * turns unwritable exactly when it would have with every write handed over: the back-pressure
 * the chat and the session rely on is unchanged.
 *
 * <p>Owned by the channel's event loop.
 */
final class FlushPacer {

    private static final int FIRST_CAPACITY = 512;

    private final Channel channel;
    private final Runnable flush = this::flush;
    private ByteBuf gathered;
    private boolean scheduled;

    FlushPacer(Channel channel) {
        this.channel = channel;
    }

    /** Queues bytes in wire form (the array is not kept) and makes sure a flush follows. */
    void send(byte[] bytes) {
        if (gathered == null) gathered = channel.alloc().directBuffer(Math.max(FIRST_CAPACITY, bytes.length));
        gathered.writeBytes(bytes);
        if (gathered.readableBytes() >= channel.bytesBeforeUnwritable()) pass();
        if (scheduled) return;
        scheduled = true;
        channel.eventLoop().execute(flush);
    }

    /** Sends everything now: before hanging up. */
    void flushNow() {
        flush();
    }

    /** The channel is gone: drops what was gathered. */
    void release() {
        if (gathered != null) {
            gathered.release();
            gathered = null;
        }
    }

    private void pass() {
        ByteBuf out = gathered;
        gathered = null; // first: a write may run queued tasks before it returns (an embedded channel does)
        channel.pipeline().write(out, channel.voidPromise());
    }

    private void flush() {
        scheduled = false;
        if (gathered != null) pass();
        channel.flush();
    }
}
