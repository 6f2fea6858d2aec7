package dev.carrier.bus;

import dev.carrier.store.TestFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A NATS server with JetStream of the test's own: a {@code nats-server} process on a free loopback
 * port, keeping its streams in a folder of the test's, so a test may stop, kill and restart it
 * without touching anyone else's. Register as an instance field
 * ({@code @RegisterExtension final TestNats nats = new TestNats();}); it is stopped after each test.
 *
 * <p>The program is {@code CARRIER_TEST_NATS_SERVER}, else {@code nats-server} on the PATH or in
 * /usr/sbin (Debian's package). Without it the test is skipped, saying what to install, unless
 * {@code CARRIER_CLUSTER_TESTS=required}, when it fails.
 */
public final class TestNats implements AfterEachCallback {

    private static final Duration START = Duration.ofSeconds(15);

    private final List<Process> running = new ArrayList<>();
    private Path store;
    private int port;
    private Process process;

    /** Starts the server (once per test; later calls return the same URL). */
    public String url() {
        if (process == null) start();
        return "nats://127.0.0.1:" + port;
    }

    /** Stops the server cleanly, keeping its streams for {@link #restart}. */
    public void stop() {
        if (process == null) return;
        process.destroy();
        waitFor(process);
        process = null;
    }

    /** Kills the server at once, as a crash would; its streams stay on disk. */
    public void kill() {
        if (process == null) return;
        process.destroyForcibly();
        waitFor(process);
        process = null;
    }

    /** Starts it again on the same port and store, after {@link #stop} or {@link #kill}. */
    public void restart() {
        if (process != null) stop();
        launch();
    }

    /** Starts it again on the same port with its store emptied, as a NATS rebuilt from nothing would come back. */
    public void restartEmpty() {
        if (process != null) stop();
        TestFolders.empty(store);
        launch();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    private void start() {
        try {
            store = Files.createTempDirectory("carrier-nats");
            try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        launch();
    }

    private void launch() {
        Path program = program();
        try {
            process = new ProcessBuilder(program.toString(), "-a", "127.0.0.1", "-p", Integer.toString(port), "-js",
                    "-sd", store.toString())
                    .redirectErrorStream(true).redirectOutput(store.resolve("nats.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + program, e);
        }
        running.add(process);
        Instant deadline = Instant.now().plus(START);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) throw new IllegalStateException("nats-server exited: " + log());
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        throw new IllegalStateException("nats-server did not listen on " + port + " within " + START + ": " + log());
    }

    private String log() {
        try {
            return Files.readString(store.resolve("nats.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static Path program() {
        String chosen = System.getenv("CARRIER_TEST_NATS_SERVER");
        List<Path> candidates = new ArrayList<>();
        if (chosen != null && !chosen.isBlank()) candidates.add(Path.of(chosen));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty()) candidates.add(Path.of(dir, "nats-server"));
        }
        candidates.add(Path.of("/usr/sbin/nats-server"));
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate)) return candidate;
        }
        String why = "no nats-server program (install Debian's nats-server package, or set CARRIER_TEST_NATS_SERVER)"
                + " to run the cluster tests";
        if ("required".equals(System.getenv("CARRIER_CLUSTER_TESTS"))) throw new AssertionError(why);
        Assumptions.abort(why);
        throw new IllegalStateException("unreachable");
    }

    private static void waitFor(Process p) {
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (Process p : running) {
            if (p.isAlive()) {
                p.destroyForcibly();
                waitFor(p);
            }
        }
        running.clear();
        process = null;
        if (store != null) {
            try {
                TestFolders.delete(store);
            } catch (UncheckedIOException ignored) {
                // a folder left in tmp is no test failure
            }
            store = null;
        }
    }
}
