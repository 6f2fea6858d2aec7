package dev.carrier.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Keeps the server and the load off each other's core: the server under test runs on CPU 0
 * ({@code taskset -c 0} before its command) and the bench's own threads on CPU 1, so a server's
 * CPU time is its own and the load cannot borrow its core.
 *
 * @param serverLauncher what goes before a server's command (empty when not pinned)
 * @param description    what was done, for the report
 */
record Pinning(List<String> serverLauncher, String description) {

    static Pinning none(String why) {
        return new Pinning(List.of(), "not pinned (" + why + ")");
    }

    /** Pins this process to CPU 1 and returns the launcher that puts a server on CPU 0, where it can. */
    static Pinning apply(boolean wanted) throws IOException, InterruptedException {
        if (!wanted) return none("--no-pin");
        if (Runtime.getRuntime().availableProcessors() < 2) return none("fewer than 2 cores");
        Path taskset = onPath("taskset");
        if (taskset == null) return none("taskset not found; it is in util-linux");
        Process self = new ProcessBuilder(taskset.toString(), "-a", "-p", "-c", "1",
                String.valueOf(ProcessHandle.current().pid())).redirectErrorStream(true).start();
        String output = new String(self.getInputStream().readAllBytes());
        if (self.waitFor() != 0) return none("taskset refused: " + output.strip());
        return new Pinning(List.of(taskset.toString(), "-c", "0"), "server on CPU 0, load on CPU 1");
    }

    static Path onPath(String program) {
        if (program.contains("/")) return Files.isExecutable(Path.of(program)) ? Path.of(program) : null;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) return candidate;
        }
        for (String dir : List.of("/usr/sbin", "/sbin")) { // daemons such as ngircd live here, often off PATH
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }
}
