package dev.carrier.web;

import dev.carrier.terminal.SharedText;
import dev.carrier.terminal.Terminal;
import dev.carrier.telnet.DrainWaiters;
import dev.carrier.terminal.TerminalInfo;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link Terminal} on a browser's {@code /terminal} WebSocket: UTF-8 text with CR LF
 * in binary frames, the bell as a {@code {"type":"bell"}} text frame.
 *
 * <p>Writes of one event-loop task are gathered and sent as one binary frame with one flush when
 * the task is done, so a chat fan-out costs one frame and one syscall per browser; shared text is
 * wrapped, not copied. A bell first sends what was gathered, so it rings after the text before it.
 *
 * <p>Threads: the engine calls it on {@link #executor()}, the channel's event loop, which owns
 * every mutable field here; a call from another thread is moved onto the loop. {@link #info()} is
 * readable from anywhere.
 */
final class WebTerminal implements Terminal {

    private static final Logger log = LoggerFactory.getLogger(WebTerminal.class);

    private final Channel channel;
    private final EventLoop loop;
    private final Runnable flushTask = this::flushNow;
    private final List<ByteBuf> gathered = new ArrayList<>();
    private final DrainWaiters drainWaiters;
    private volatile TerminalInfo info;
    private boolean flushScheduled;
    private boolean closing;

    WebTerminal(Channel channel, TerminalInfo info) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.loop = channel.eventLoop();
        this.info = Objects.requireNonNull(info, "info");
        this.drainWaiters = new DrainWaiters(channel);
    }

    @Override
    public void write(String text) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> write(text));
            return;
        }
        if (!text.isEmpty()) gather(WebOutputForm.INSTANCE.encode(text));
    }

    @Override
    public void write(SharedText text) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> write(text));
            return;
        }
        if (!text.text().isEmpty()) gather(text.bytes(WebOutputForm.INSTANCE));
    }

    @Override
    public void bell() {
        if (!loop.inEventLoop()) {
            loop.execute(this::bell);
            return;
        }
        if (closing || !channel.isActive()) return;
        sendGathered();
        channel.write(new TextWebSocketFrame(Control.BELL), channel.voidPromise());
        scheduleFlush();
    }

    /** Keeps bytes already in wire form for this task's frame; the array is wrapped, so it must not change. */
    private void gather(byte[] bytes) {
        if (closing || !channel.isActive()) return;
        gathered.add(Unpooled.wrappedBuffer(bytes));
        scheduleFlush();
    }

    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            loop.execute(flushTask);
        }
    }

    private void sendGathered() {
        if (gathered.isEmpty()) return;
        ByteBuf frame = gathered.size() == 1
                ? gathered.get(0)
                : Unpooled.wrappedBuffer(gathered.toArray(new ByteBuf[0]));
        gathered.clear();
        channel.write(new BinaryWebSocketFrame(frame), channel.voidPromise());
    }

    private void flushNow() {
        flushScheduled = false;
        sendGathered();
        channel.flush();
    }

    @Override
    public TerminalInfo info() {
        return info;
    }

    /**
     * Ignored: xterm.js decodes UTF-8 only, and every character the engine writes, box drawing
     * included, reaches it in UTF-8; another charset would only garble the screen.
     */
    @Override
    public void useCharset(Charset charset) {
        log.debug("{}: the browser terminal stays UTF-8 (asked for {})", info.remoteAddress(), charset);
    }

    /** Always: xterm.js shows only what the server sends back. */
    @Override
    public boolean serverEchoes() {
        return true;
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable();
    }

    @Override
    public void whenWritable(Runnable task) {
        drainWaiters.add(task);
    }

    @Override
    public Executor executor() {
        return loop;
    }

    /** Sends what was written, then a close frame (see {@link GoingAway}), then hangs up. */
    @Override
    public void close() {
        if (!loop.inEventLoop()) {
            loop.execute(this::close);
            return;
        }
        if (closing) return;
        sendGathered();
        closing = true;
        channel.close();
    }

    // What the handler tells the terminal, on the event loop.

    /** Runs the tasks that waited for the buffer to drain, stopping if it fills up again. */
    void onWritabilityChanged() {
        drainWaiters.writabilityChanged();
    }

    /** The channel is gone: nothing gathered will be sent, and tasks waiting for it to drain never run. */
    void onClosed() {
        gathered.forEach(ByteBuf::release);
        gathered.clear();
        drainWaiters.clear();
    }

    /** Takes a new window size; true when it changed. */
    boolean resize(int columns, int rows) {
        TerminalInfo before = info;
        info = before.withSize(columns, rows);
        return info.columns() != before.columns() || info.rows() != before.rows();
    }
}
