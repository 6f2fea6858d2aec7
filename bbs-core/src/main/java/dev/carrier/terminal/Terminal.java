package dev.carrier.terminal;

import java.nio.charset.Charset;
import java.util.concurrent.Executor;

/**
 * The engine's view of one connection's screen: each transport implements it once.
 *
 * <p>Every method is called on {@link #executor()}, the connection's own serial executor, and
 * none of them blocks: output is queued by the transport, which honours its own back-pressure
 * and reports it through {@link #isWritable()}.
 */
public interface Terminal {

    /** Writes text in which {@code '\n'} ends a line; the transport applies its line ending and charset. */
    void write(String text);

    /** Writes text that many viewers share, so that it is encoded once per output form. */
    void write(SharedText text);

    /** Rings the bell the way this transport does (BEL over telnet, a control frame on the web). */
    void bell();

    /** What is known of the terminal now; a new value after a resize or a change of charset. */
    TerminalInfo info();

    /** Chosen by the user later (profile), so the transport re-encodes from now on. */
    void useCharset(Charset charset);

    /**
     * Whether the server must echo what is typed. Telnet clients that let the server echo say so
     * in negotiation; a raw client (netcat) echoes locally, and the server must not echo twice.
     */
    boolean serverEchoes();

    /** False while the transport's outbound buffer is above its high watermark. */
    boolean isWritable();

    /** Runs the task once on {@link #executor()} when the outbound buffer has drained. */
    void whenWritable(Runnable task);

    /** The connection's serial executor: input, output and session state live on it. */
    Executor executor();

    /** Flushes what was written, then hangs up. */
    void close();

    /**
     * Hangs up at once, dropping what waits to be sent: for a reader that stopped reading, whose
     * output would never flush.
     */
    default void abort() {
        close();
    }
}
