package dev.carrier.netty;

import dev.carrier.terminal.OutputForm;
import dev.carrier.terminal.SharedText;
import dev.carrier.terminal.Terminal;
import dev.carrier.terminal.TerminalInfo;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * The engine's {@link Terminal} on a Netty channel: what every transport's terminal shares. A
 * transport says how text becomes wire bytes ({@link #form()}), how those bytes and the bell leave
 * ({@link #send}, {@link #ring()}) and how it hangs up ({@link #hangUp()}); this class moves each
 * call onto the channel's event loop, drops output once the terminal is closing, keeps the
 * {@link TerminalInfo}, and holds tasks waiting for the output to drain ({@link DrainWaiters}).
 *
 * <p>Threads: the engine calls it on {@link #executor()}, the channel's event loop, which owns
 * every mutable field here and in subclasses; a call from another thread is moved onto the loop
 * rather than refused. {@link #info()} is readable from anywhere.
 */
public abstract class ChannelTerminal implements Terminal {

    private final Channel channel;
    private final EventLoop loop;
    private final DrainWaiters drainWaiters;
    private volatile TerminalInfo info;
    private boolean closing;

    protected ChannelTerminal(Channel channel, TerminalInfo info) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.loop = channel.eventLoop();
        this.info = Objects.requireNonNull(info, "info");
        this.drainWaiters = new DrainWaiters(channel);
    }

    /** How text becomes this terminal's wire bytes now. */
    protected abstract OutputForm form();

    /** Queues bytes already in wire form; the array is shared, so it must not change. On the loop, while open. */
    protected abstract void send(byte[] bytes);

    /** Rings the bell after what was written before it. On the loop, while open. */
    protected abstract void ring();

    /** Sends what is still queued and closes the channel. On the loop, once. */
    protected abstract void hangUp();

    /** The channel is gone: let go of what was queued for it. On the loop. */
    protected void released() {}

    protected final Channel channel() {
        return channel;
    }

    @Override
    public final void write(String text) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> write(text));
            return;
        }
        if (!text.isEmpty() && open()) send(form().encode(text));
    }

    @Override
    public final void write(SharedText text) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> write(text));
            return;
        }
        if (!text.text().isEmpty() && open()) send(text.bytes(form()));
    }

    @Override
    public final void bell() {
        if (!loop.inEventLoop()) {
            loop.execute(this::bell);
            return;
        }
        if (open()) ring();
    }

    @Override
    public final void close() {
        if (!loop.inEventLoop()) {
            loop.execute(this::close);
            return;
        }
        if (closing) return;
        closing = true;
        hangUp();
    }

    @Override
    public final void abort() {
        if (!loop.inEventLoop()) {
            loop.execute(this::abort);
            return;
        }
        closing = true;
        channel.close();
    }

    private boolean open() {
        return !closing && channel.isActive();
    }

    @Override
    public final TerminalInfo info() {
        return info;
    }

    @Override
    public final boolean isWritable() {
        return channel.isWritable();
    }

    @Override
    public final void whenWritable(Runnable task) {
        drainWaiters.add(task);
    }

    @Override
    public final Executor executor() {
        return loop;
    }

    /** Changes what the terminal reports (its type, size or charset). On the loop. */
    protected final void updateInfo(UnaryOperator<TerminalInfo> change) {
        info = change.apply(info);
    }

    // What the transport's handler tells the terminal, on the event loop (see SessionBridge).

    /** Takes a new window size; true when it changed. */
    final boolean resize(int columns, int rows) {
        TerminalInfo before = info;
        info = before.withSize(columns, rows);
        return info.columns() != before.columns() || info.rows() != before.rows();
    }

    /**
     * Runs the tasks that waited for the buffer to drain, stopping if it fills up again. Only those
     * queued before this call run, so a task that queues itself again cannot spin here.
     */
    final void writabilityChanged() {
        drainWaiters.writabilityChanged();
    }

    /** The channel is gone: nothing queued will be sent, and tasks waiting for it to drain never run. */
    final void closed() {
        released();
        drainWaiters.clear();
    }
}
