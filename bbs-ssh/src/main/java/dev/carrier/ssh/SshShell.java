package dev.carrier.ssh;

import dev.carrier.netty.HeldInput;
import dev.carrier.netty.OutputLimits;
import dev.carrier.terminal.TerminalInfo;
import dev.carrier.terminal.TerminalInput;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Map;
import java.util.function.Function;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelDataReceiver;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.channel.ChannelSessionAware;
import org.apache.sshd.server.command.AsyncCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSH shell: the bridge between a MINA channel and the engine's session, like
 * {@code SessionBridge} for Netty transports. The {@code pty-req} gave the terminal type (which
 * picks the charset by the telnet rules) and size; {@code window-change} resizes; the
 * {@code shell} request opens the session.
 *
 * <p>Input back-pressure: received bytes are not acknowledged to MINA at once (the receiver
 * answers 0), so the client's send window shrinks; they go to the session through
 * {@link HeldInput}, a few keystrokes at a time while the output is writable, as on every
 * transport, and the window is opened again by what was handed over. So what waits here is at
 * most one window (see {@link SshTransport#WINDOW_SIZE}).
 *
 * <p>Threads: MINA calls in on its own threads; everything is moved onto {@link #loop}, the
 * event loop that owns this shell, its terminal and the session.
 */
final class SshShell implements AsyncCommand, ChannelSessionAware, ChannelDataReceiver {

    private static final Logger log = LoggerFactory.getLogger(SshShell.class);

    private final EventExecutor loop;
    private final SshReception reception;
    private final Function<String, Charset> charsetFor;
    private final OutputLimits limits;
    private ChannelSession channel;
    private IoOutputStream out;
    private ExitCallback exit;

    // Owned by the loop.
    private SshTerminal terminal;
    private TerminalInput input;
    private CharsetDecoder decoder;
    private byte[] tail = new byte[0];
    private HeldInput held; // null until the session is open
    private boolean hungUp;

    SshShell(EventExecutor loop, SshReception reception, Function<String, Charset> charsetFor, OutputLimits limits) {
        this.loop = loop;
        this.reception = reception;
        this.charsetFor = charsetFor;
        this.limits = limits;
    }

    @Override
    public void setChannelSession(ChannelSession session) {
        this.channel = session;
        session.setDataReceiver(this); // before MINA installs its own piped receiver
    }

    @Override
    public void setIoOutputStream(IoOutputStream stream) {
        this.out = stream;
    }

    @Override
    public void setIoErrorStream(IoOutputStream stream) {}

    @Override
    public void setIoInputStream(IoInputStream stream) {}

    @Override
    public void setInputStream(InputStream stream) {}

    @Override
    public void setOutputStream(OutputStream stream) {}

    @Override
    public void setErrorStream(OutputStream stream) {}

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession session, Environment env) {
        Map<String, String> vars = env.getEnv();
        boolean pty = vars.containsKey(Environment.ENV_TERM);
        String type = vars.getOrDefault(Environment.ENV_TERM, "unknown");
        Charset charset = charsetFor.apply(type);
        TerminalInfo info = new TerminalInfo("ssh", address(session.getSession().getClientAddress()), type,
                number(vars.get(Environment.ENV_COLUMNS)), number(vars.get(Environment.ENV_LINES)), charset);
        SshCaller caller = session.getSession().getAttribute(SshAuth.CALLER);
        env.addSignalListener((channel, signal) -> {
            int columns = number(env.getEnv().get(Environment.ENV_COLUMNS));
            int rows = number(env.getEnv().get(Environment.ENV_LINES));
            loop.execute(() -> resized(columns, rows));
        }, Signal.WINCH);
        loop.execute(() -> open(info, pty, caller));
    }

    private void open(TerminalInfo info, boolean pty, SshCaller caller) {
        // With a pty the client's terminal is raw and the server echoes; without one (ssh -T) the client echoes.
        terminal = new SshTerminal(out, loop, info, pty, limits, new SshTerminal.Hangup() {
            @Override
            public void finished() {
                exit.onExit(0);
            }

            @Override
            public void abort(String why) {
                channel.close(true);
            }
        });
        decoder = info.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        if (caller == null) {
            log.warn("{}: a shell without an authenticated caller; closing", info.remoteAddress());
            channel.close(true);
            return;
        }
        try {
            input = reception.open(terminal, caller);
        } catch (RuntimeException e) {
            log.error("{}: the engine could not open a session; closing", info.remoteAddress(), e);
            channel.close(true);
            return;
        }
        // The client's window is the flow control: no reads to pause, only credit to give back.
        held = new HeldInput(terminal, input::onText, HeldInput.Reading.NONE);
    }

    @Override
    public int data(ChannelSession session, byte[] buf, int start, int len) {
        byte[] copy = new byte[len];
        System.arraycopy(buf, start, copy, 0, len);
        loop.execute(() -> receive(copy));
        return 0; // acknowledged (the window opened again) once the session has had it
    }

    private void receive(byte[] bytes) {
        if (hungUp) return;
        if (held == null) { // sent before the session opened: nothing can read it
            release(bytes.length);
            return;
        }
        ByteBuffer in = ByteBuffer.allocate(tail.length + bytes.length).put(tail).put(bytes).flip();
        CharBuffer chars = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, chars, false);
        tail = new byte[in.remaining()]; // a character split between two packets: at most 3 bytes
        in.get(tail);
        chars.flip();
        held.add(chars, () -> release(bytes.length));
    }

    private void release(int bytes) {
        try {
            channel.getLocalWindow().release(bytes);
        } catch (IOException e) {
            log.debug("could not open the ssh window again", e);
        }
    }

    private void resized(int columns, int rows) {
        if (terminal != null && terminal.resize(columns, rows) && input != null) {
            input.onResize(terminal.info().columns(), terminal.info().rows());
        }
    }

    @Override
    public void destroy(ChannelSession session) {
        loop.execute(this::hangUp);
    }

    @Override
    public void close() {
        // The receiver is closed with the channel; destroy() tells the session.
    }

    private void hangUp() {
        if (hungUp) return;
        hungUp = true;
        if (held != null) held.clear();
        if (terminal != null) terminal.released();
        if (input != null) input.onHangup();
    }

    private static int number(String text) {
        if (text == null) return 0;
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String address(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress()
                : String.valueOf(address);
    }
}
