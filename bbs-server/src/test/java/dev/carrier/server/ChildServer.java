package dev.carrier.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code carrier serve} in its own JVM with a small heap, on the test class path and free loopback
 * ports, for tests that kill it or push it to its memory limits. Its heap is its own, so what it
 * keeps after a collection can be read with the JDK's {@code jcmd}.
 */
final class ChildServer implements AutoCloseable {

    static final String HEAP = "128m";

    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    private static final int MAX_OUTPUT = 64 * 1024;

    private final Process process;
    private final int telnetPort;
    private final int webPort;
    private final int sshPort;
    private final StringBuffer output;

    private ChildServer(Process process, int telnetPort, int webPort, int sshPort, StringBuffer output) {
        this.process = process;
        this.telnetPort = telnetPort;
        this.webPort = webPort;
        this.sshPort = sshPort;
        this.output = output;
    }

    /**
     * Starts a server on {@code data} and returns once it says it is up. {@code options} are more
     * {@code serve} options; a fast password hash is used unless they name {@code --password-cost} and
     * SSH listens on a free port of its own.
     */
    static ChildServer start(Path data, String... options) throws IOException, InterruptedException {
        // A port found free may be taken before the child binds it (its own admin endpoint's
        // ephemeral port among others): then it says so and exits, and another set is tried.
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(data, options);
            } catch (PortTaken taken) {
                if (attempt == 3) throw new AssertionError(taken.getMessage());
            }
        }
    }

    private static final class PortTaken extends RuntimeException {
        PortTaken(String output) {
            super("the server process did not come up: a port was taken; it said:\n" + output);
        }
    }

    private static ChildServer startOnce(Path data, String... options) throws IOException, InterruptedException {
        int telnetPort = freePort();
        int webPort = freePort();
        while (webPort == telnetPort) webPort = freePort();
        int sshPort = freePort(); // never SSH's 2222, which another server on the machine may hold
        while (sshPort == telnetPort || sshPort == webPort) sshPort = freePort();
        Process process = new ProcessBuilder(command(data, telnetPort, webPort, sshPort, options))
                .redirectErrorStream(true).start();

        // Counted down once it says it is up, or once its output ends (it exited without coming up).
        CountDownLatch up = new CountDownLatch(1);
        AtomicBoolean said = new AtomicBoolean();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    // A dying server can print a stack trace per thread: keep the start and the end.
                    if (output.length() > MAX_OUTPUT) output.delete(MAX_OUTPUT / 2, MAX_OUTPUT / 2 + line.length() + 1);
                    output.append(line).append('\n');
                    if (line.contains(" is up.")) {
                        said.set(true);
                        up.countDown();
                    }
                }
            } catch (IOException e) {
                // the process is gone
            } finally {
                up.countDown();
            }
        }, "carrier-process-output");
        reader.setDaemon(true);
        reader.start();
        if (!up.await(60, TimeUnit.SECONDS) || !said.get()) {
            process.destroyForcibly();
            if (output.indexOf("Address already in use") >= 0) throw new PortTaken(output.toString());
            throw new AssertionError("the server process did not come up; it said:\n" + output);
        }
        return new ChildServer(process, telnetPort, webPort, sshPort, output);
    }

    /** What a {@code serve} that must refuse to start did: its exit code and what it printed. */
    record Refusal(int code, String output) {}

    /**
     * Runs {@code serve} with {@code options} where it is expected to refuse to start, and returns how
     * it ended; fails (and kills it) when it comes up or still runs after {@code within}.
     */
    static Refusal refused(Path data, Duration within, String... options)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command(data, freePort(), freePort(), freePort(), options))
                .redirectErrorStream(true).start();
        CompletableFuture<String> said = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(output unreadable: " + e + ")";
            }
        });
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("serve " + String.join(" ", options) + " did not refuse; it said:\n" + said.join());
        }
        return new Refusal(process.exitValue(), said.join());
    }

    private static List<String> command(Path data, int telnetPort, int webPort, int sshPort, String... options) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + HEAP, "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), CarrierCommand.class.getName(), "serve",
                "--data-dir", data.toString(), "--bind", "127.0.0.1",
                "--telnet-port", String.valueOf(telnetPort), "--web-port", String.valueOf(webPort),
                "--ssh-port", String.valueOf(sshPort)));
        if (!List.of(options).contains("--password-cost")) command.addAll(List.of("--password-cost", "4"));
        command.addAll(List.of(options));
        return command;
    }

    int telnetPort() {
        return telnetPort;
    }

    int webPort() {
        return webPort;
    }

    int sshPort() {
        return sshPort;
    }

    String webBase() {
        return "http://127.0.0.1:" + webPort;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** What the server printed so far (the middle of a very long output left out). */
    String output() {
        return output.toString();
    }

    /** Sends SIGTERM, as a service manager does to stop or restart it. */
    void terminate() {
        process.toHandle().destroy();
    }

    /** Waits for the process to end, and returns its exit code; fails when it is still running after {@code within}. */
    int awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the server process still runs after " + within + "; it said:\n" + output);
        }
        return process.exitValue();
    }

    /** Kills it at once, as a power cut would: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("the server process did not die");
    }

    /** The heap the server holds after a full collection, in bytes. */
    long heapUsedAfterGc() {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = USED.matcher(info);
        if (!used.find()) throw new AssertionError("cannot read the heap from: " + info);
        return Long.parseLong(used.group(1)) * 1024;
    }

    private String jcmd(String what) {
        if (!process.isAlive()) throw new AssertionError("the server process has exited; it said:\n" + output);
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process run = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), what)
                    .redirectErrorStream(true).start();
            String said = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!run.waitFor(60, TimeUnit.SECONDS) || run.exitValue() != 0) {
                throw new AssertionError("jcmd " + what + " failed: " + said);
            }
            return said;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
