package dev.carrier.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;

/**
 * A real client program (such as {@code openssl s_client}) driven as a caller would: lines typed
 * into it, its output waited for with a deadline. Skips the test with the reason when the
 * program is missing, unless its {@code CARRIER_..._TESTS=required} variable says the CI needs it.
 */
final class ClientProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final OutputStream input;
    private final Thread reader;

    private ClientProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.input = process.getOutputStream();
        reader = new Thread(() -> copy(process.getInputStream()), name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Skips (or fails, when {@code requiredBy} is {@code required}) unless {@code program} is on the PATH. */
    static void require(String program, String debianPackage, String requiredBy) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Path.of(dir, program).toFile().canExecute()) return;
        }
        String why = program + " is not installed (apt-get install " + debianPackage + ")";
        if ("required".equals(System.getenv(requiredBy))) fail(why + ", and " + requiredBy + "=required");
        Assumptions.abort(why + "; skipping the tests that need it");
    }

    static ClientProcess start(List<String> command) {
        try {
            return new ClientProcess(command.get(0), new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    private void copy(InputStream from) {
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = from.read(buffer)) > 0; ) output.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Waits until the output holds {@code text}; fails with the transcript otherwise. */
    ClientProcess await(String text) {
        try {
            TestServer.eventually().until(() -> output.indexOf(text) >= 0);
        } catch (ConditionTimeoutException e) {
            fail("no \"" + text + "\" from " + name + " within " + TestServer.WAIT + "; it printed:\n" + output);
        }
        return this;
    }

    /** Types a line, ended as the program's options say (s_client's -crlf makes it CR LF). */
    ClientProcess sendLine(String line) {
        try {
            input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            input.flush();
        } catch (IOException e) {
            throw new IllegalStateException(name + "'s input is closed: " + output, e);
        }
        return this;
    }

    /** The exit code, waiting for it; everything it printed is then in {@link #output()}. */
    int exitCode(Duration wait) throws InterruptedException {
        if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) fail(name + " did not end; it printed:\n" + output);
        reader.join(wait.toMillis());
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
