package dev.carrier.telnet;

import dev.carrier.terminal.SharedText;
import dev.carrier.terminal.Terminal;
import dev.carrier.terminal.TerminalInfo;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import java.nio.charset.Charset;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link Terminal} on a telnet channel.
 *
 * <p>Writes are queued without a flush, and a {@link FlushPacer} sends them together: a chat
 * fan-out writing many small lines costs one syscall per connection and pacing window. Text goes
 * out through the {@link TelnetOutputForm} of the current charset; shared text is wrapped, not
 * copied.
 *
 * <p>Threads: the engine calls it on {@link #executor()}, the channel's event loop, which owns
 * every mutable field here. {@link #info()} is readable from anywhere. A call from another thread
 * is moved onto the event loop rather than refused.
 */
public final class TelnetTerminal implements Terminal {

    private static final byte[] BEL = {0x07};
    private static final Logger log = LoggerFactory.getLogger(TelnetTerminal.class);

    private final Channel channel;
    private final EventLoop loop;
    private final FlushPacer flushes;
    private final DrainWaiters drainWaiters;
    private volatile TerminalInfo info;
    private volatile TelnetOutputForm form;
    private volatile boolean serverEchoes;
    private boolean charsetChosenByUser;
    private boolean closing;

    TelnetTerminal(Channel channel, TerminalInfo info) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.loop = channel.eventLoop();
        this.info = Objects.requireNonNull(info, "info");
        this.drainWaiters = new DrainWaiters(channel);
        this.form = TelnetOutputForm.of(info.charset());
        this.flushes = new FlushPacer(channel, FlushPacer.DEFAULT_WINDOW);
    }

    @Override
    public void write(String text) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> write(text));
            return;
        }
        if (!text.isEmpty()) send(form.encode(text));
    }

    @Override
    public void write(SharedText text) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> write(text));
            return;
        }
        if (!text.text().isEmpty()) send(text.bytes(form));
    }

    @Override
    public void bell() {
        if (!loop.inEventLoop()) {
            loop.execute(this::bell);
            return;
        }
        send(BEL);
    }

    /** Queues bytes that are already in wire form; the array is wrapped, so it must not change. */
    private void send(byte[] bytes) {
        if (closing || !channel.isActive()) return;
        channel.write(Unpooled.wrappedBuffer(bytes), channel.voidPromise());
        flushes.written();
    }

    @Override
    public TerminalInfo info() {
        return info;
    }

    @Override
    public void useCharset(Charset charset) {
        Objects.requireNonNull(charset, "charset");
        if (!loop.inEventLoop()) {
            loop.execute(() -> useCharset(charset));
            return;
        }
        charsetChosenByUser = true;
        switchCharset(charset);
    }

    @Override
    public boolean serverEchoes() {
        return serverEchoes;
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

    @Override
    public void close() {
        if (!loop.inEventLoop()) {
            loop.execute(this::close);
            return;
        }
        if (closing) return;
        closing = true;
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    // What the session handler tells the terminal, on the event loop.

    /**
     * Runs the tasks waiting for the buffer to drain, stopping if it fills up again. Only those
     * queued before this call run, so a task that queues itself again cannot spin here.
     */
    void onWritabilityChanged() {
        drainWaiters.writabilityChanged();
    }

    /** The channel is gone: tasks waiting for it to drain never will. */
    void onClosed() {
        drainWaiters.clear();
    }

    void updateInfo(UnaryOperator<TerminalInfo> change) {
        info = change.apply(info);
    }

    void setServerEchoes(boolean enabled) {
        serverEchoes = enabled;
    }

    /** The transport's own pick from the terminal type; a charset the user chose wins over it. */
    void chooseCharset(Charset charset) {
        if (!charsetChosenByUser) switchCharset(charset);
    }

    private void switchCharset(Charset charset) {
        form = TelnetOutputForm.of(charset);
        info = info.withCharset(charset);
    }
}
