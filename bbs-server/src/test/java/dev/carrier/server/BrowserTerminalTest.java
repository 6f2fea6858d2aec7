package dev.carrier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser terminal in a real browser: Debian's headless Chromium, driven by Playwright from
 * the Node script in bbs-web/src/test/browser. This test starts the server and, when the script
 * asks, stops it and starts it again on the same web port; the script checks that two pages chat
 * and that both call again by themselves. Screenshots land in target/browser.
 *
 * <p>It needs Chromium ({@code apt-get install chromium}), Node.js and {@code npm ci} in the
 * script's folder. Without them it is skipped with a word saying so, unless
 * {@code CARRIER_BROWSER_TESTS=required} (as .ci/run sets it), where their absence fails it.
 */
class BrowserTerminalTest {

    private static final Path SCRIPT_DIR = Path.of("..", "bbs-web", "src", "test", "browser").toAbsolutePath().normalize();
    private static final String SCRIPT = "browser-terminal.mjs";
    private static final long DEADLINE_SECONDS = 120;
    private static final String END = "\u0000end";

    @TempDir
    Path data;

    @Test
    void twoPagesChatAndCallAgainByThemselvesAfterARestart() throws Exception {
        String node = requireTools();
        ServerConfig config = ServerConfig.forTests(data);
        CarrierServer server = CarrierServer.start(config);
        int webPort = server.webPort();
        Path out = Path.of("target", "browser").toAbsolutePath();
        Files.createDirectories(out);

        Process browser = new ProcessBuilder(node, SCRIPT, "--url", "http://127.0.0.1:" + webPort + "/",
                "--out", out.toString())
                .directory(SCRIPT_DIR.toFile())
                .redirectErrorStream(true)
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(browser, lines), "browser-test-output");
        reader.setDaemon(true);
        reader.start();

        StringBuilder output = new StringBuilder();
        boolean restarted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                String line = lines.poll(Math.max(left, 0), TimeUnit.NANOSECONDS);
                if (line == null) fail("the browser test did not finish in " + DEADLINE_SECONDS + " s:\n" + output);
                if (line.equals(END)) break;
                output.append(line).append('\n');
                System.out.println("browser: " + line);
                if (line.equals("RESTART-SERVER")) {
                    server.close();
                    server = CarrierServer.start(config.toBuilder().webPort(Port.of(webPort)).build()); // the same port
                    restarted = true;
                    OutputStream toScript = browser.getOutputStream();
                    toScript.write("SERVER-RESTARTED\n".getBytes(StandardCharsets.US_ASCII));
                    toScript.flush();
                }
            }
            assertTrue(browser.waitFor(10, TimeUnit.SECONDS), "the browser test did not exit");
            assertEquals(0, browser.exitValue(), "the browser test failed:\n" + output);
            assertTrue(restarted, "the script never asked for the restart:\n" + output);
            assertTrue(output.toString().contains("both pages reconnected by themselves"), output.toString());
            assertTrue(Files.size(out.resolve("terminal-chat.png")) > 0, "a screenshot of the chat");
        } finally {
            if (browser.isAlive()) {
                browser.destroy();
                if (!browser.waitFor(5, TimeUnit.SECONDS)) browser.destroyForcibly();
            }
            server.close();
        }
    }

    /**
     * The same page over HTTPS and WSS (bbs-web/src/test/browser/browser-https.mjs): opened at the
     * plain http:// address, it must be redirected to https://, its terminal must connect over
     * wss://, and two pages must chat. The server makes its own self-signed certificate.
     */
    @Test
    void aPageOpenedAtHttpIsRedirectedToHttpsAndChatsOverWss() throws Exception {
        String node = requireTools();
        ServerConfig config = ServerConfig.forTests(data).toBuilder()
                .tls(dev.carrier.tls.TlsConfig.off().withSelfSigned(true).withRedirectHttp(true)).build();
        Path out = Path.of("target", "browser").toAbsolutePath();
        Files.createDirectories(out);
        Path log = out.resolve("browser-https.log");
        try (CarrierServer server = CarrierServer.start(config)) {
            Process browser = new ProcessBuilder(node, "browser-https.mjs", "--url",
                    "http://127.0.0.1:" + server.webPort() + "/", "--out", out.toString())
                    .directory(SCRIPT_DIR.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            try {
                boolean ended = browser.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS);
                String output = Files.readString(log);
                System.out.print(output.replaceAll("(?m)^", "browser: "));
                assertTrue(ended, "the https browser test did not finish in " + DEADLINE_SECONDS + " s:\n" + output);
                assertEquals(0, browser.exitValue(), "the https browser test failed:\n" + output);
                assertTrue(output.contains("https browser test passed"), output);
                assertTrue(Files.size(out.resolve("terminal-https.png")) > 0, "a screenshot of the chat over https");
            } finally {
                if (browser.isAlive()) {
                    browser.destroy();
                    if (!browser.waitFor(5, TimeUnit.SECONDS)) browser.destroyForcibly();
                }
            }
        }
    }

    private static void readLines(Process process, BlockingQueue<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) lines.add(line);
        } catch (IOException e) {
            lines.add("(reading the browser test's output failed: " + e + ")");
        } finally {
            lines.add(END);
        }
    }

    /** Node's path, once Chromium, Node.js and the script's packages are all there. */
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
            System.out.println("BrowserTerminalTest skipped: " + message);
            Assumptions.abort(message);
        }
        return node.get().toString();
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
