package dev.carrier.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's OpenSSH client driven as a caller would: {@code ssh -tt} with a pty on the server side,
 * the password through {@code sshpass}, never asking about host keys. Skips the test with the
 * reason when a program is missing, unless {@code CARRIER_SSH_TESTS=required}, which fails it.
 */
final class OpenSsh implements AutoCloseable {

    /** Every run is a fresh server with a fresh host key: no known_hosts, no questions. */
    private static final List<String> NO_HOST_CHECKS = List.of("-o", "StrictHostKeyChecking=no",
            "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-F", "/dev/null");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final OutputStream input;

    private final Thread reader;
    private Path fifo; // an inTerminal ssh's size changes
    private int position; // where the next await looks from; the test thread's
    private final Object readingGate = new Object();
    private boolean reading = true; // guarded by readingGate

    private OpenSsh(Process process) {
        this.process = process;
        this.input = process.getOutputStream();
        reader = new Thread(() -> copy(process.getInputStream()), "ssh-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Skips (or fails, when the CI requires them) unless {@code ssh}, {@code ssh-keygen} and {@code sshpass} run. */
    static void requireClients() {
        for (String program : List.of("ssh", "ssh-keygen", "sshpass", "script", "mkfifo", "stty")) {
            if (!onPath(program)) {
                String why = program + " is not installed (apt-get install openssh-client sshpass util-linux coreutils)";
                if ("required".equals(System.getenv("CARRIER_SSH_TESTS"))) fail(why + ", and CARRIER_SSH_TESTS=required");
                Assumptions.abort(why + "; skipping the SSH client tests");
            }
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Path.of(dir, program).toFile().canExecute()) return true;
        }
        return false;
    }

    /** {@code ssh -tt} as {@code user} with this password (through sshpass); {@code extra} goes before the host. */
    static OpenSsh withPassword(int port, String user, String password, String... extra) {
        List<String> command = new ArrayList<>(List.of("sshpass", "-p", password, "ssh", "-tt", "-p", "" + port));
        command.addAll(NO_HOST_CHECKS);
        command.addAll(List.of("-o", "PubkeyAuthentication=no", "-o", "PreferredAuthentications=password,keyboard-interactive"));
        command.addAll(List.of(extra));
        command.add(user + "@127.0.0.1");
        return start(command);
    }

    /** {@code ssh -tt} as {@code user} with only this key; then {@code remote} (a command, or nothing for a shell). */
    static OpenSsh withKey(int port, String user, Path key, List<String> options, String... remote) {
        List<String> command = new ArrayList<>(List.of("ssh", "-p", "" + port));
        command.addAll(NO_HOST_CHECKS);
        command.addAll(List.of("-i", key.toString(), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                "-o", "PreferredAuthentications=publickey"));
        command.addAll(options);
        command.add(user + "@127.0.0.1");
        command.addAll(List.of(remote));
        return start(command);
    }

    /**
     * {@code ssh} with only this key, in a terminal of its own: run under {@code script}, so ssh
     * has a real pty of {@code columns} x {@code rows} (and {@code TERM=xterm}) and sends
     * {@code window-change} when {@link #resizeTo} changes that pty's size, as when a caller
     * resizes their window. {@code fifo} is a fresh path for the size changes.
     */
    static OpenSsh inTerminal(int port, String user, Path key, int columns, int rows, Path fifo)
            throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) throw new IOException("mkfifo failed");
        List<String> ssh = new ArrayList<>(List.of("exec", "ssh", "-tt", "-p", "" + port));
        ssh.addAll(NO_HOST_CHECKS);
        ssh.addAll(List.of("-i", key.toString(), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                "-o", "PreferredAuthentications=publickey", user + "@127.0.0.1"));
        // stty on the pty sends SIGWINCH to its foreground group, where ssh is; the loop in the
        // background (same group, no job control) waits for "COLUMNS ROWS" lines on the fifo.
        String shell = "stty cols " + columns + " rows " + rows
                + "; (while read c r < " + quoted(fifo) + "; do stty cols $c rows $r < /dev/tty; done) & "
                + String.join(" ", ssh.stream().map(OpenSsh::quoted).toList());
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", shell, "/dev/null").redirectErrorStream(true);
        builder.environment().put("TERM", "xterm");
        OpenSsh started = new OpenSsh(builder.start());
        started.fifo = fifo;
        return started;
    }

    /** Resizes the terminal of an {@link #inTerminal} ssh. */
    OpenSsh resizeTo(int columns, int rows) {
        try {
            Files.writeString(fifo, columns + " " + rows + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot resize: " + e.getMessage(), e);
        }
        return this;
    }

    private static String quoted(Object word) {
        String text = word.toString();
        return text.equals("exec") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    /** {@code ssh -tt new@...}: no password at all. */
    static OpenSsh registering(int port) {
        List<String> command = new ArrayList<>(List.of("ssh", "-tt", "-p", "" + port));
        command.addAll(NO_HOST_CHECKS);
        command.addAll(List.of("-o", "PubkeyAuthentication=no", "-o", "PreferredAuthentications=keyboard-interactive"));
        command.add("new@127.0.0.1");
        return start(command);
    }

    /** Makes an Ed25519 key without a passphrase; answers the private key's path. */
    static Path newKey(Path folder) throws IOException, InterruptedException {
        Path key = folder.resolve("id_ed25519");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test@carrier",
                "-f", key.toString()).redirectErrorStream(true).start();
        if (!keygen.waitFor(30, TimeUnit.SECONDS) || keygen.exitValue() != 0) {
            throw new IOException("ssh-keygen failed: " + new String(keygen.getInputStream().readAllBytes()));
        }
        return key;
    }

    private static OpenSsh start(List<String> command) {
        try {
            return new OpenSsh(new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    private void copy(InputStream from) {
        byte[] buffer = new byte[4096];
        try {
            while (true) {
                synchronized (readingGate) {
                    while (!reading) readingGate.wait();
                }
                int n = from.read(buffer);
                if (n <= 0) break;
                output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException | InterruptedException e) {
            // the process ended
        }
    }

    /**
     * Stops reading what ssh prints, as a caller who never reads: once the pipe is full ssh stops
     * taking the server's output, and the server's window to it runs out.
     */
    OpenSsh stopReading() {
        synchronized (readingGate) {
            reading = false;
        }
        return this;
    }

    OpenSsh resumeReading() {
        synchronized (readingGate) {
            reading = true;
            readingGate.notifyAll();
        }
        return this;
    }

    /**
     * Types {@code pattern} over and over, up to {@code total} bytes, until {@code cap} passes, or
     * until ssh has taken nothing for a second (the server stopped opening its window); answers
     * how many bytes ssh took.
     */
    long flood(byte[] pattern, long total, Duration cap) throws InterruptedException {
        AtomicLong written = new AtomicLong();
        byte[] chunk = new byte[Math.max(1, 4096 / pattern.length) * pattern.length];
        for (int at = 0; at < chunk.length; at += pattern.length) System.arraycopy(pattern, 0, chunk, at, pattern.length);
        Thread writer = new Thread(() -> {
            try {
                while (written.get() < total) {
                    input.write(chunk);
                    input.flush();
                    written.addAndGet(chunk.length);
                }
            } catch (IOException e) {
                // ssh ended: the server hung up on it
            }
        }, "ssh-flood");
        writer.setDaemon(true); // left blocked in a write when ssh takes no more; close() ends it
        writer.start();
        long deadline = System.nanoTime() + cap.toNanos();
        long before = -1;
        while (writer.isAlive() && System.nanoTime() < deadline && written.get() != before) {
            before = written.get();
            writer.join(1000);
        }
        return written.get();
    }

    /**
     * Waits until the output holds {@code text} past what earlier waits matched, and moves past it;
     * fails with the transcript otherwise.
     */
    OpenSsh await(String text) {
        return await(text, TestServer.WAIT);
    }

    /** As {@link #await(String)}, for output that may take longer than the usual wait to come. */
    OpenSsh await(String text, Duration within) {
        int[] at = {-1};
        try {
            TestServer.eventually().atMost(within).until(() -> (at[0] = output.indexOf(text, position)) >= 0);
        } catch (ConditionTimeoutException e) {
            fail("no \"" + text + "\" from ssh within " + within + "; it printed:\n" + output);
        }
        position = at[0] + text.length();
        return this;
    }

    /** Types a line (the server's line editor takes CR). */
    OpenSsh sendLine(String line) {
        try {
            input.write((line + "\r").getBytes(StandardCharsets.UTF_8));
            input.flush();
        } catch (IOException e) {
            throw new IllegalStateException("ssh's input is closed: " + output, e);
        }
        return this;
    }

    /** The exit code, waiting for it. */
    int exitCode(Duration wait) throws InterruptedException {
        if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) fail("ssh did not end; it printed:\n" + output);
        reader.join(wait.toMillis()); // everything it printed has been read
        return process.exitValue();
    }

    String output() {
        return output.toString();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
