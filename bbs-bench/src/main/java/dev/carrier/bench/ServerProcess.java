package dev.carrier.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server under test, as its own process (so its heap is its own), started from the
 * program's jar on loopback. Its output goes to {@code server.log} in the data folder.
 */
final class ServerProcess implements AutoCloseable {

    /** A heap's or a generation's line: G1 has one, the serial collector (a server pinned to one core) two. */
    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private final Process process;
    private final int telnetPort;
    private final int webPort;

    private ServerProcess(Process process, int telnetPort, int webPort) {
        this.process = process;
        this.telnetPort = telnetPort;
        this.webPort = webPort;
    }

    /** A server with telnet only: the web is not measured. */
    static ServerProcess start(Path jar, Path dataDir, int maxNodes, String heap, List<String> extraArgs)
            throws IOException, InterruptedException {
        return start(jar, dataDir, maxNodes, heap, extraArgs, false);
    }

    static ServerProcess start(Path jar, Path dataDir, int maxNodes, String heap, List<String> extraArgs, boolean web)
            throws IOException, InterruptedException {
        return start(List.of(), List.of(), jar, dataDir, maxNodes, heap, extraArgs, web);
    }

    /**
     * As above, run through {@code launcher} (such as {@code taskset -c 0}) when it is not empty,
     * with {@code jvmArgs} for the server's JVM (a flight recording, say).
     */
    static ServerProcess start(List<String> launcher, List<String> jvmArgs, Path jar, Path dataDir, int maxNodes,
            String heap, List<String> extraArgs, boolean web) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no server jar at " + jar + ": build it first (mvn -B -DskipTests package)");
        }
        int port = freePort();
        int webPort = web ? freePort() : 0;
        while (web && webPort == port) webPort = freePort();
        List<String> command = new ArrayList<>(launcher);
        command.add(javaBinary());
        command.addAll(jvmArgs);
        command.addAll(List.of("-Xmx" + heap, "-jar", jar.toString(), "serve",
                "--data-dir", dataDir.toString(), "--bind", "127.0.0.1", "--telnet-port", String.valueOf(port),
                "--max-nodes", String.valueOf(maxNodes), "--flood-burst", "0",
                // Every caller comes from 127.0.0.1 here, and logs in from it at once.
                "--max-per-address", "0", "--login-address-failures", "1000000",
                "--web-port", String.valueOf(webPort),
                // SSH is not measured, and a fixed port would collide with any other server here.
                "--ssh-port", "0"));
        command.addAll(extraArgs);
        Path log = dataDir.resolve("server.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.contains("Press Ctrl-C to stop")) break;
        }
        if (line == null) throw new IOException("the server did not start:\n" + seen);
        Files.writeString(log, seen);
        Thread copier = new Thread(() -> copy(out, log), "server-log");
        copier.setDaemon(true);
        copier.start();
        return new ServerProcess(process, port, webPort);
    }

    private static void copy(BufferedReader out, Path log) {
        try {
            String line;
            while ((line = out.readLine()) != null) {
                Files.writeString(log, line + "\n", java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (IOException ignored) {
            // the server is gone; so is its log
        }
    }

    /** A loopback port free now, for a server about to start. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    int telnetPort() {
        return telnetPort;
    }

    /** The web port, or 0 when the web is off. */
    int webPort() {
        return webPort;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Open file descriptors of the server process (Linux), or -1 where that cannot be read. */
    long openFileDescriptors() {
        try (java.util.stream.Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(process.pid()), "fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    long pid() {
        return process.pid();
    }

    /** CPU time the server process has used so far. */
    long cpuNanos() {
        return ProcessCpu.nanos(process.toHandle());
    }

    /** Each of the server's threads' CPU time now. */
    ProcessCpu.Snapshot threadCpu() {
        return ProcessCpu.snapshot(process.toHandle());
    }

    /** The server's heap in use after a full collection, from the JDK's own diagnostic command. */
    long heapUsedAfterGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = USED.matcher(info);
        long kib = 0;
        boolean found = false;
        while (used.find()) {
            kib += Long.parseLong(used.group(1));
            found = true;
        }
        if (!found) throw new IOException("cannot read the heap from: " + info);
        return kib * 1024;
    }

    /**
     * Gives async-profiler ({@code library}) a command, such as {@code start,event=cpu} or
     * {@code stop,file=...}, by loading it into the running server; a failure is printed, not thrown,
     * so a profile that cannot be taken never spoils the run.
     */
    void profiler(Path library, String command) {
        try {
            // Quoted, or jcmd would read the command's key=value pairs as its own arguments.
            String output = jcmd("JVMTI.agent_load", library.toAbsolutePath().toString(), '"' + command + '"');
            if (output.contains("[ERROR]")) System.out.println("profiler: " + output.strip());
        } catch (IOException e) {
            System.out.println("profiler: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String jcmd(String... what) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> command = new ArrayList<>(List.of(jcmd.toString(), String.valueOf(process.pid())));
        command.addAll(List.of(what));
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!run.waitFor(60, TimeUnit.SECONDS) || run.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", what) + " failed: " + output);
        }
        return output;
    }

    @Override
    public void close() {
        stop(process);
    }

    /** Asks a server process to stop, and makes it after 20 s. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
