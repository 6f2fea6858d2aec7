package dev.carrier.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A Playwright script from bbs-web/src/test/browser, run with Node.js against Debian's headless
 * Chromium: the test reads its output line by line (with one deadline for the whole run) and may
 * answer on its input. Screenshots land in target/browser.
 *
 * <p>It needs Chromium ({@code apt-get install chromium}), Node.js and {@code npm ci} in the
 * scripts' folder. Without them the test is skipped with a word saying so, unless
 * {@code CARRIER_BROWSER_TESTS=required} (as .ci/run sets it), where their absence fails it.
 */
final class BrowserScript implements AutoCloseable {

    static final Path SCRIPT_DIR = Path.of("..", "bbs-web", "src", "test", "browser").toAbsolutePath().normalize();
    static final Path OUT = Path.of("target", "browser").toAbsolutePath();
    private static final String END = "\u0000end";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder output = new StringBuilder();
    private final long deadline;
    private final long seconds;

    private BrowserScript(Process process, long seconds) {
        this.process = process;
        this.seconds = seconds;
        this.deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Thread reader = new Thread(this::readLines, "browser-test-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code script} with {@code --url URL --out target/browser} and the script's own
     * {@code arguments}; all of it must end within {@code seconds}.
     */
    static BrowserScript start(String script, String url, long seconds, String... arguments) throws IOException {
        String node = requireTools();
        Files.createDirectories(OUT);
        Process process = new ProcessBuilder(Stream.of(Stream.of(node, script),
                Stream.of("--url", url, "--out", OUT.toString()), Stream.of(arguments)).flatMap(s -> s).toList())
                .directory(SCRIPT_DIR.toFile()).redirectErrorStream(true).start();
        return new BrowserScript(process, seconds);
    }

    /** The script's next line, or empty once it has ended. */
    Optional<String> nextLine() throws InterruptedException {
        String line = lines.poll(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
        if (line == null) fail("the browser test did not finish in " + seconds + " s:\n" + output);
        if (line.equals(END)) return Optional.empty();
        output.append(line).append('\n');
        System.out.println("browser: " + line);
        return Optional.of(line);
    }

    /** Reads on until the script prints a line containing {@code text}; fails if it ends first. */
    void await(String text) throws InterruptedException {
        for (Optional<String> line = nextLine(); line.isPresent(); line = nextLine()) {
            if (line.get().contains(text)) return;
        }
        fail("the browser test ended without printing \"" + text + "\":\n" + output);
    }

    /** Reads the rest of what the script prints and fails unless it ended well; answers all it printed. */
    String awaitSuccess() throws InterruptedException {
        while (nextLine().isPresent()) {
            // the lines are kept in output
        }
        if (exitCode() != 0) fail("the browser test failed:\n" + output);
        return output();
    }

    /** Tells the script something: one line on its input. */
    void tell(String line) throws IOException {
        OutputStream toScript = process.getOutputStream();
        toScript.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        toScript.flush();
    }

    /** Everything it printed so far. */
    String output() {
        return output.toString();
    }

    /** Its exit code, once it has ended. */
    int exitCode() throws InterruptedException {
        if (!process.waitFor(10, TimeUnit.SECONDS)) fail("the browser test did not exit:\n" + output);
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }

    private void readLines() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) lines.add(line);
        } catch (IOException e) {
            lines.add("(reading the browser test's output failed: " + e + ")");
        } finally {
            lines.add(END);
        }
    }

    /** Node's path, once Chromium, Node.js and the scripts' packages are all there. */
    private static String requireTools() {
        Path chromium = Path.of(Optional.ofNullable(System.getenv("CARRIER_CHROMIUM")).orElse("/usr/bin/chromium"));
        Optional<Path> node = onPath("node");
        Path playwright = SCRIPT_DIR.resolve("node_modules").resolve("playwright-core");
        StringBuilder missing = new StringBuilder();
        if (!Files.isExecutable(chromium)) missing.append(" Chromium at ").append(chromium).append(" (apt-get install chromium);");
        if (node.isEmpty()) missing.append(" Node.js on the PATH (apt-get install nodejs npm);");
        if (!Files.isDirectory(playwright)) missing.append(" playwright-core (npm ci in ").append(SCRIPT_DIR).append(");");
        if (missing.length() > 0) {
            String message = "the browser test needs" + missing + " .ci/run installs them";
            if ("required".equals(System.getenv("CARRIER_BROWSER_TESTS"))) fail(message);
            System.out.println("browser test skipped: " + message);
            Assumptions.abort(message);
        }
        return node.get().toString();
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : List.of(path.split(File.pathSeparator))) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
