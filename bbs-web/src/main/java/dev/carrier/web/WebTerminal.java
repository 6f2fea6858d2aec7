package dev.carrier.web;

import dev.carrier.netty.ChannelTerminal;
import dev.carrier.terminal.OutputForm;
import dev.carrier.terminal.TerminalInfo;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's terminal on a browser's {@code /terminal} WebSocket: UTF-8 text with CR LF in
 * binary frames, the bell as a {@code {"type":"bell"}} text frame.
 *
 * <p>Writes of one event-loop task are gathered and sent as one binary frame with one flush when
 * the task is done, so a chat fan-out costs one frame and one syscall per browser; shared text is
 * wrapped, not copied. A bell first sends what was gathered, so it rings after the text before it.
 *
 * <p>Threads: as every {@link ChannelTerminal}, owned by the channel's event loop.
 */
final class WebTerminal extends ChannelTerminal {

    private static final Logger log = LoggerFactory.getLogger(WebTerminal.class);

    private final Runnable flushTask = this::flushNow;
    private final List<ByteBuf> gathered = new ArrayList<>();
    private boolean flushScheduled;

    WebTerminal(Channel channel, TerminalInfo info) {
        super(channel, info);
    }

    @Override
    protected OutputForm form() {
        return WebOutputForm.INSTANCE;
    }

    /** Keeps the bytes for this task's frame. */
    @Override
    protected void send(byte[] bytes) {
        gathered.add(Unpooled.wrappedBuffer(bytes));
        scheduleFlush();
    }

    @Override
    protected void ring() {
        sendGathered();
        channel().write(new TextWebSocketFrame(Control.BELL), channel().voidPromise());
        scheduleFlush();
    }

    /** Sends what was written, then a close frame (see {@link GoingAway}), then hangs up. */
    @Override
    protected void hangUp() {
        sendGathered();
        channel().close();
    }

    @Override
    protected void released() {
        gathered.forEach(ByteBuf::release);
        gathered.clear();
    }

    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            channel().eventLoop().execute(flushTask);
        }
    }

    private void sendGathered() {
        if (gathered.isEmpty()) return;
        ByteBuf frame = gathered.size() == 1
                ? gathered.get(0)
                : Unpooled.wrappedBuffer(gathered.toArray(new ByteBuf[0]));
        gathered.clear();
        channel().write(new BinaryWebSocketFrame(frame), channel().voidPromise());
    }

    private void flushNow() {
        flushScheduled = false;
        sendGathered();
        channel().flush();
    }

    /**
     * Ignored: xterm.js decodes UTF-8 only, and every character the engine writes, box drawing
     * included, reaches it in UTF-8; another charset would only garble the screen.
     */
    @Override
    public void useCharset(Charset charset) {
        log.debug("{}: the browser terminal stays UTF-8 (asked for {})", info().remoteAddress(), charset);
    }

    /** Always: xterm.js shows only what the server sends back. */
    @Override
    public boolean serverEchoes() {
        return true;
    }
}
