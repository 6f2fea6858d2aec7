package dev.carrier.telnet;

import dev.carrier.netty.ChannelTerminal;
import dev.carrier.terminal.OutputForm;
import dev.carrier.terminal.TerminalInfo;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.nio.charset.Charset;
import java.util.Objects;

/**
 * The engine's terminal on a telnet channel.
 *
 * <p>Writes are gathered by a {@link FlushPacer}, which sends them together: a chat fan-out
 * writing many small lines costs one buffer and one syscall per connection for all the lines that
 * were waiting when the loop reached it. Text goes out through the {@link TelnetOutputForm} of
 * the current charset; shared text is encoded once and copied into the gathered buffer.
 *
 * <p>Threads: as every {@link ChannelTerminal}, owned by the channel's event loop;
 * {@link #serverEchoes()} is readable from anywhere.
 */
final class TelnetTerminal extends ChannelTerminal {

    private static final byte[] BEL = {0x07};

    private final FlushPacer flushes;
    private volatile TelnetOutputForm form;
    private volatile boolean serverEchoes;
    private boolean charsetChosenByUser;

    TelnetTerminal(Channel channel, TerminalInfo info) {
        super(channel, info);
        this.form = TelnetOutputForm.of(info.charset());
        this.flushes = new FlushPacer(channel);
    }

    @Override
    protected OutputForm form() {
        return form;
    }

    @Override
    protected void send(byte[] bytes) {
        flushes.send(bytes);
    }

    @Override
    protected void ring() {
        send(BEL);
    }

    @Override
    protected void hangUp() {
        flushes.flushNow();
        channel().writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    protected void released() {
        flushes.release();
    }

    @Override
    public void useCharset(Charset charset) {
        Objects.requireNonNull(charset, "charset");
        if (!channel().eventLoop().inEventLoop()) {
            channel().eventLoop().execute(() -> useCharset(charset));
            return;
        }
        charsetChosenByUser = true;
        switchCharset(charset);
    }

    @Override
    public boolean serverEchoes() {
        return serverEchoes;
    }

    // What the session handler tells the terminal, on the event loop.

    void setType(String type) {
        updateInfo(info -> info.withType(type));
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
        updateInfo(info -> info.withCharset(charset));
    }
}
