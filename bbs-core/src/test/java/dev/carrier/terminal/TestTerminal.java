package dev.carrier.terminal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A terminal with no wire: output collects in a transcript that tests wait on with a deadline.
 * It runs on its own single thread, as a transport's event loop would.
 */
public final class TestTerminal implements Terminal {

    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ExecutorService loop = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "test-terminal");
        thread.setDaemon(true);
        return thread;
    });
    private final StringBuilder transcript = new StringBuilder();
    private final List<Runnable> whenWritable = new ArrayList<>();
    private volatile TerminalInfo info;
    private volatile boolean writable = true;
    private volatile boolean closed;
    private int bells;
    private int position;
    private TerminalInput input;

    public TestTerminal() {
        this(new TerminalInfo("test", "127.0.0.1", "xterm", 80, 24, StandardCharsets.UTF_8));
    }

    public TestTerminal(TerminalInfo info) {
        this.info = info;
    }

    /** Opens a session on the host, as a transport does after negotiation. */
    public TestTerminal connect(TerminalHost host) {
        loop.execute(() -> input = host.open(this));
        return this;
    }

    public void type(String text) {
        loop.execute(() -> input.onText(text));
    }

    public void typeLine(String line) {
        type(line + "\r\n");
    }

    public void hangUp() {
        loop.execute(() -> {
            closed = true;
            input.onHangup();
        });
    }

    /** Waits for text after what earlier waits consumed; returns everything up to it. */
    public String awaitText(String expected) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        synchronized (transcript) {
            while (true) {
                int at = transcript.indexOf(expected, position);
                if (at >= 0) {
                    String seen = transcript.substring(position, at + expected.length());
                    position = at + expected.length();
                    return seen;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for '" + expected + "'; screen after last match:\n"
                            + transcript.substring(position));
                }
                try {
                    transcript.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    public boolean awaitClosed() {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        synchronized (transcript) {
            while (!closed && System.nanoTime() < deadline) {
                try {
                    transcript.wait(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return closed;
    }

    public String transcript() {
        synchronized (transcript) {
            return transcript.toString();
        }
    }

    public int bells() {
        synchronized (transcript) {
            return bells;
        }
    }

    public void setWritable(boolean canWrite) {
        loop.execute(() -> {
            writable = canWrite;
            if (canWrite) {
                List<Runnable> tasks = new ArrayList<>(whenWritable);
                whenWritable.clear();
                tasks.forEach(Runnable::run);
            }
        });
    }

    /** Runs the check on the terminal's thread and waits for it. */
    public void onLoop(Consumer<TerminalInput> action) {
        try {
            loop.submit(() -> action.accept(input)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void append(String text) {
        synchronized (transcript) {
            transcript.append(text);
            transcript.notifyAll();
        }
    }

    @Override public void write(String text) { append(text); }

    @Override public void write(SharedText text) { append(text.text()); }

    @Override
    public void bell() {
        synchronized (transcript) {
            bells++;
            transcript.notifyAll();
        }
    }

    @Override public TerminalInfo info() { return info; }

    @Override public void useCharset(Charset charset) { info = info.withCharset(charset); }

    @Override public boolean serverEchoes() { return true; }

    @Override public boolean isWritable() { return writable; }

    @Override public void whenWritable(Runnable task) { whenWritable.add(task); }

    @Override public ExecutorService executor() { return loop; }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        loop.execute(() -> input.onHangup());
        synchronized (transcript) {
            transcript.notifyAll();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "TestTerminal[" + info.remoteAddress() + "]";
    }

    /** Stops the terminal's thread once a test is done with it. */
    public void shutdown() {
        loop.shutdownNow();
    }
}
