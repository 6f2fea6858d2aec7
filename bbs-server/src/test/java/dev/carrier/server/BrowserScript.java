package dev.carrier.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;

/**
 * A Playwright script from bbs-web/src/test/browser run in Node against Debian's headless
 * Chromium, its output kept for the test. Skips the test with the reason when Chromium, Node.js
 * or the script's packages are missing, unless {@code CARRIER_BROWSER_TESTS=required}, which fails it.
 */
final class BrowserScript implements AutoCloseable {

    static final Path SCRIPT_DIR = Path.of("..", "bbs-web", "src", "test", "browser").toAbsolutePath().normalize();

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private BrowserScript(Process process) {
        this.process = process;
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.append(line).append('\n');
                    System.out.println("browser: " + line);
                }
            } catch (IOException e) {
                output.append("(reading the script's output failed: ").append(e).append(")\n");
            }
        }, "browser-script-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Runs {@code node SCRIPT ARGS...} in the scripts' folder. */
    static BrowserScript start(String script, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(requireTools(script), script));
        command.addAll(List.of(args));
        return new BrowserScript(new ProcessBuilder(command).directory(SCRIPT_DIR.toFile()).redirectErrorStream(true).start());
    }

    /** Writes a line to the script's input. */
    void tell(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** Waits until the script has printed {@code text}; fails with what it printed otherwise. */
    void await(String text) {
        try {
            TestServer.eventually().until(() -> output.indexOf(text) >= 0);
        } catch (ConditionTimeoutException e) {
            fail("the browser script never printed \"" + text + "\"; it printed:\n" + output);
        }
    }

    /** Waits for the script to end and fails unless it ended well; answers what it printed. */
    String awaitSuccess(Duration wait) throws InterruptedException {
        if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) fail("the browser script did not end in " + wait
                + "; it printed:\n" + output);
        reader.join(wait.toMillis());
        if (process.exitValue() != 0) fail("the browser script failed:\n" + output);
        return output.toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
    }

    /** Node's path, once Chromium, Node.js and the scripts' packages are all there. */
    private static String requireTools(String script) {
        Path chromium = Path.of(Optional.ofNullable(System.getenv("CARRIER_CHROMIUM")).orElse("/usr/bin/chromium"));
        Optional<Path> node = Optional.ofNullable(System.getenv("PATH")).stream()
                .flatMap(path -> List.of(path.split(File.pathSeparator)).stream())
                .map(dir -> Path.of(dir, "node")).filter(Files::isExecutable).findFirst();
        StringBuilder missing = new StringBuilder();
        if (!Files.isExecutable(chromium)) missing.append(" Chromium at ").append(chromium).append(" (apt-get install chromium);");
        if (node.isEmpty()) missing.append(" Node.js on the PATH (apt-get install nodejs npm);");
        if (!Files.isDirectory(SCRIPT_DIR.resolve("node_modules").resolve("playwright-core"))) {
            missing.append(" playwright-core (npm ci in ").append(SCRIPT_DIR).append(");");
        }
        if (missing.length() > 0) {
            String message = script + " needs" + missing + " .ci/run installs them";
            if ("required".equals(System.getenv("CARRIER_BROWSER_TESTS"))) fail(message);
            Assumptions.abort(message);
        }
        return node.get().toString();
    }
}
