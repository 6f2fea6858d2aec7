package dev.carrier.ssh;

import dev.carrier.netty.OutputLimits;
import dev.carrier.terminal.SharedText;
import dev.carrier.terminal.Terminal;
import dev.carrier.terminal.TerminalInfo;
import io.netty.util.concurrent.EventExecutor;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link Terminal} on an SSH shell channel. MINA's asynchronous channel stream takes
 * one write at a time and holds it until the client's window lets it leave, so output waits here
 * in a queue: written in one piece of at most {@link #MAX_WRITE} bytes as the previous write
 * completes. The queue has the same water marks as every Netty connection (writable below 64 KiB,
 * drain tasks run below 32 KiB), and a caller who stops reading is hung up on once more than
 * {@link OutputLimits#maxPendingBytes()} wait or no write completed for
 * {@link OutputLimits#blockedLimit()}.
 *
 * <p>Threads: every field but {@link #info} belongs to {@link #executor()}, an event loop chosen
 * for the connection; calls from elsewhere (MINA's write completions) are moved onto it.
 */
final class SshTerminal implements Terminal {

    private static final Logger log = LoggerFactory.getLogger(SshTerminal.class);

    static final int HIGH_WATER = OutputLimits.WATER_MARK.high();
    static final int LOW_WATER = OutputLimits.WATER_MARK.low();
    /** One SSH write: a few packets, so a busy room costs few window waits. */
    static final int MAX_WRITE = 32 * 1024;

    private final IoOutputStream out;
    private final EventExecutor loop;
    private final OutputLimits limits;
    private final boolean echoes;
    private final Hangup hangup;
    private volatile TerminalInfo info;

    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final List<Runnable> drainWaiters = new ArrayList<>();
    private long pending; // bytes queued or being written
    private boolean writing;
    private boolean closing;
    private boolean gone;
    private long lastProgressNanos = System.nanoTime();
    private boolean stallCheckScheduled;

    /** How the terminal ends its channel. */
    interface Hangup {
        /** Everything written has left: end the channel politely (exit status, close). */
        void finished();

        /** The caller does not read: drop the channel now. */
        void abort(String why);
    }

    SshTerminal(IoOutputStream out, EventExecutor loop, TerminalInfo info, boolean echoes,
            OutputLimits limits, Hangup hangup) {
        this.out = Objects.requireNonNull(out, "out");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.info = Objects.requireNonNull(info, "info");
        this.echoes = echoes;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.hangup = Objects.requireNonNull(hangup, "hangup");
    }

    private boolean onLoop() {
        return loop.inEventLoop();
    }

    @Override
    public void write(String text) {
        if (!onLoop()) {
            loop.execute(() -> write(text));
            return;
        }
        if (!text.isEmpty()) enqueue(form().encode(text));
    }

    @Override
    public void write(SharedText text) {
        if (!onLoop()) {
            loop.execute(() -> write(text));
            return;
        }
        if (!text.text().isEmpty()) enqueue(text.bytes(form()));
    }

    @Override
    public void bell() {
        write("\u0007");
    }

    @Override
    public TerminalInfo info() {
        return info;
    }

    @Override
    public void useCharset(Charset charset) {
        info = info.withCharset(charset);
    }

    @Override
    public boolean serverEchoes() {
        return echoes;
    }

    @Override
    public boolean isWritable() {
        return pending < HIGH_WATER;
    }

    @Override
    public void whenWritable(Runnable task) {
        if (!onLoop()) {
            loop.execute(() -> whenWritable(task));
            return;
        }
        if (gone) return;
        if (isWritable()) {
            loop.execute(task);
        } else {
            drainWaiters.add(task);
        }
    }

    @Override
    public Executor executor() {
        return loop;
    }

    @Override
    public void close() {
        if (!onLoop()) {
            loop.execute(this::close);
            return;
        }
        if (closing) return;
        closing = true;
        if (!writing && queue.isEmpty() && !gone) hangup.finished();
    }

    /** A new window size, from the shell's window-change; true when it changed. On the loop. */
    boolean resize(int columns, int rows) {
        TerminalInfo before = info;
        info = before.withSize(columns, rows);
        return info.columns() != before.columns() || info.rows() != before.rows();
    }

    /** The channel is gone: nothing more is sent and waiting tasks never run. On the loop. */
    void released() {
        gone = true;
        queue.clear();
        drainWaiters.clear();
        pending = 0;
    }

    private SshOutputForm form() {
        return new SshOutputForm(info.charset());
    }

    private void enqueue(byte[] bytes) {
        if (closing || gone) return;
        pending += bytes.length;
        if (pending > limits.maxPendingBytes()) {
            abort("more than " + limits.maxPendingBytes() + " bytes of output waiting");
            return;
        }
        queue.add(bytes);
        if (!isWritable()) watchForStall();
        if (!writing) writeNext();
    }

    private void writeNext() {
        // MINA's channel stream takes one write at a time: a second while one is pending fails.
        if (writing || queue.isEmpty() || gone) return;
        int size = 0;
        for (byte[] part : queue) {
            if (size > 0 && size + part.length > MAX_WRITE) break;
            size += part.length;
        }
        byte[] chunk = new byte[size];
        int at = 0;
        while (at < size) {
            byte[] part = queue.poll();
            System.arraycopy(part, 0, chunk, at, part.length);
            at += part.length;
        }
        writing = true;
        int length = size;
        try {
            out.writeBuffer(new ByteArrayBuffer(chunk)).addListener(done -> loop.execute(() -> written(length, done)));
        } catch (Exception e) {
            abort("write failed: " + e.getMessage());
        }
    }

    private void written(int size, IoWriteFuture done) {
        if (gone) return;
        writing = false;
        if (!done.isWritten()) {
            log.debug("{}: ssh write failed", info.remoteAddress(), done.getException());
            abort("the connection is gone");
            return;
        }
        pending -= size;
        lastProgressNanos = System.nanoTime();
        if (pending < LOW_WATER && !drainWaiters.isEmpty()) {
            // Only the tasks queued now: one that queues itself again waits for the next drain.
            List<Runnable> ready = new ArrayList<>(drainWaiters);
            drainWaiters.clear();
            for (Runnable task : ready) {
                if (!isWritable()) {
                    drainWaiters.add(task);
                } else {
                    task.run();
                }
            }
        }
        // A drain waiter may have written, and so started the next write, already.
        if (!queue.isEmpty()) {
            writeNext();
        } else if (closing && !writing) {
            hangup.finished();
        }
    }

    private void watchForStall() {
        if (stallCheckScheduled) return;
        stallCheckScheduled = true;
        long wait = limits.blockedLimit().toNanos() - (System.nanoTime() - lastProgressNanos);
        loop.schedule(this::checkStall, Math.max(wait, 1), TimeUnit.NANOSECONDS);
    }

    private void checkStall() {
        stallCheckScheduled = false;
        if (gone || pending == 0) return;
        Duration stalled = Duration.ofNanos(System.nanoTime() - lastProgressNanos);
        if (stalled.compareTo(limits.blockedLimit()) >= 0) {
            abort("output blocked for " + stalled.toSeconds() + " s");
        } else {
            watchForStall();
        }
    }

    private void abort(String why) {
        if (gone) return;
        log.info("{}: hanging up an ssh caller who does not read: {}", info.remoteAddress(), why);
        released();
        hangup.abort(why);
    }
}
