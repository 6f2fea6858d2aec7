package dev.carrier.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time a process has used, to the nanosecond where Linux tells it. The usual figure (the
 * process's user and system time) counts in ticks of 10 ms, a twentieth of a whole 1,000-line
 * burst; the scheduler's own count per thread ({@code /proc/PID/task/TID/schedstat}) is exact.
 * It covers the threads alive when read, which over a measured run of a server are all of them.
 */
final class ProcessCpu {

    /** Each thread's CPU time at one moment, by thread id, with the thread's name. */
    record Snapshot(Map<String, Thread> threads) {

        record Thread(String name, long nanos) {}

        long total() {
            return threads.values().stream().mapToLong(Thread::nanos).sum();
        }

        /** The JIT's share: HotSpot's compiler threads ("C1 CompilerThread0", cut to 15 characters). */
        long compilerNanos() {
            return threads.values().stream().filter(t -> t.name.contains("CompilerThre")).mapToLong(Thread::nanos).sum();
        }

        /**
         * CPU used since {@code before}, by kind of thread (the name without its numbers, so a
         * pool's threads count together), the busiest first.
         */
        Map<String, Long> since(Snapshot before) {
            Map<String, Long> byKind = new HashMap<>();
            threads.forEach((id, now) -> {
                Thread then = before.threads.get(id);
                long used = now.nanos - (then == null ? 0 : then.nanos);
                if (used > 0) byKind.merge(now.name.replaceAll("[0-9]+", "#").strip(), used, Long::sum);
            });
            Map<String, Long> sorted = new LinkedHashMap<>();
            byKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return sorted;
        }
    }

    private ProcessCpu() {}

    static long nanos(ProcessHandle process) {
        Snapshot snapshot = snapshot(process);
        return snapshot.threads.isEmpty()
                ? process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)
                : snapshot.total();
    }

    /** Every thread's CPU time now; empty where {@code /proc} cannot be read. */
    static Snapshot snapshot(ProcessHandle process) {
        Map<String, Snapshot.Thread> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
            tasks.forEach(task -> {
                try {
                    String schedstat = Files.readString(task.resolve("schedstat"));
                    String name = Files.readString(task.resolve("comm")).strip();
                    threads.put(task.getFileName().toString(),
                            new Snapshot.Thread(name, Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')))));
                } catch (IOException e) {
                    // the thread ended between listing and reading
                }
            });
        } catch (IOException | RuntimeException e) {
            return new Snapshot(Map.of());
        }
        return new Snapshot(threads);
    }
}
