package dev.carrier.bench;

import dev.carrier.store.PostgresUrl;
import dev.carrier.store.ScratchSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code carrier bench chat}: N callers log in over telnet; with senders, they enter chat and S
 * of them send M lines each, and every caller records when every line arrives. Without senders
 * the callers stay logged in at the menu and the server's heap per session is measured. With
 * {@code --versus}, the same load runs against a second server over IRC in the same run, each
 * server pinned to its own core, and a side-by-side table with ratios ends the report.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Chat fan-out: deliveries per second and latency, side by side with an IRC server if"
                + " asked; or idle sessions' heap.")
final class ChatBench implements Callable<Integer> {

    /** A round in which the JIT compilers took at most this share of the servers' CPU leaves them warm. */
    private static final double JIT_QUIET = 0.05;

    @Option(names = "--clients", defaultValue = "1000", description = "Callers (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--senders", defaultValue = "20",
            description = "Callers that talk; 0 measures idle sessions at the menu (default: ${DEFAULT-VALUE}).")
    int senders;

    @Option(names = "--lines", defaultValue = "100", description = "Lines per sender (default: ${DEFAULT-VALUE}).")
    int lines;

    @Option(names = "--rate", defaultValue = "25",
            description = "Lines per second per sender; 0 sends all at once, a burst (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--rooms", defaultValue = "1",
            description = "Rooms the callers are spread over (caller i in bench-(i mod K)); 1 keeps everyone in "
                    + "the lobby (default: ${DEFAULT-VALUE}).")
    int rooms;

    @Option(names = "--server-heap", defaultValue = "2g", description = "Server -Xmx (default: ${DEFAULT-VALUE}).")
    String serverHeap;

    @Option(names = "--servers", defaultValue = "1",
            description = "Servers the callers are spread over (in blocks: senders on every one), as one cluster on --nats"
                    + " and --database; more than 1 also runs the same load on one server, and compares"
                    + " (default: ${DEFAULT-VALUE}).")
    int servers;

    @Option(names = "--nats", defaultValue = "nats://127.0.0.1:4222", paramLabel = "URL",
            description = "The NATS server (with JetStream) of the cluster, with --servers (default: ${DEFAULT-VALUE}).")
    String nats;

    @Option(names = "--database", defaultValue = "postgresql://127.0.0.1:5432/test?user=postgres", paramLabel = "URL",
            description = "The PostgreSQL database of the cluster, with --servers; the bench works in a schema of its"
                    + " own there and drops it after (default: ${DEFAULT-VALUE}).")
    String database;

    @Mixin
    ServerJar serverJar;

    @Option(names = "--versus", paramLabel = "COMMAND",
            description = "A second server to run the same load against over IRC, such as ngircd (its configuration"
                    + " is generated) or a command with {port} and {dir} in it.")
    String versus;

    @Option(names = "--runs", defaultValue = "1",
            description = "Runs, alternating the servers; the table shows medians (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "1",
            description = "Untimed rounds of the same load on each server before the measured one, at least; the"
                    + " reference gets this many (default: ${DEFAULT-VALUE}).")
    int warmups;

    @Option(names = "--warmup-max", defaultValue = "40",
            description = "Carrier's warm-up goes on past --warmup until its JIT compiler takes 5%% or less of"
                    + " a round's CPU two rounds in a row, up to this many rounds: a server that has run for a while has its chat path"
                    + " compiled, and the measured run should not pay for compiling it (default: ${DEFAULT-VALUE}).")
    int warmupMax;

    @Option(names = "--pin", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Pin each server to CPU 0 and the load to CPU 1 with taskset (default: ${DEFAULT-VALUE}).")
    boolean pin;

    @Option(names = "--profiler", paramLabel = "LIB",
            description = "async-profiler's library (libasyncProfiler.so, in its Maven artifact): samples Carrier's CPU"
                    + " during the measured run only, not the logins or warm-ups, into --profile-out.")
    Path profiler;

    @Option(names = "--profile-out", defaultValue = "carrier-profile.html", paramLabel = "FILE",
            description = "Where --profiler writes; the name's ending picks the form: .html (flame graph),"
                    + " .collapsed, .jfr, .txt (hottest methods) (default: ${DEFAULT-VALUE}).")
    Path profileOut;

    @Option(names = "--timeout", defaultValue = "300", description = "Seconds before giving up (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        if (senders <= 0) return idleSessions();
        Pinning pinning = Pinning.apply(pin);
        if (rooms < 1 || rooms > clients) {
            System.out.println("--rooms must be from 1 to the number of clients");
            return 2;
        }
        ChatLoad.Shape shape = new ChatLoad.Shape(clients, senders, lines, rate, rooms);
        System.out.printf(Locale.ROOT, "%s; machine load %s%n", pinning.description(), loadAverage());
        if (servers > 1) return clusterRuns(shape, pinning);
        List<ChatLoad.Result> carrier = new ArrayList<>();
        List<ChatLoad.Result> reference = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            if (runs > 1) System.out.printf(Locale.ROOT, "%n--- run %d of %d%n", run, runs);
            carrier.add(report(carrierRun(shape, pinning)));
            if (versus != null) reference.add(report(referenceRun(shape, pinning)));
        }
        if (versus != null) System.out.print(table(shape, carrier, reference));
        System.out.printf(Locale.ROOT, "machine load at the end %s%n", loadAverage());
        boolean complete = carrier.stream().allMatch(ChatLoad.Result::complete);
        return complete ? 0 : 1;
    }

    private ChatLoad.Result carrierRun(ChatLoad.Shape shape, Pinning pinning) throws Exception {
        Path data = Files.createTempDirectory("carrier-bench");
        UserSeeder.seed(data, clients);
        List<String> jvmArgs = new ArrayList<>(serverJar.jvmArgs);
        // Loaded from the start, idle until asked: loaded later, it would make the JVM throw away
        // its compiled code, and the profile would show the JIT compiling it again.
        if (profiler != null) jvmArgs.add("-agentpath:" + profiler.toAbsolutePath());
        try (ServerProcess server = ServerProcess.start(pinning.serverLauncher(), jvmArgs, serverJar.jar, data, nodes(),
                serverHeap, serverJar.serverArgs, false); ChatLoad load = new ChatLoad(timeoutSeconds)) {
            warmUp(ChatLoad.Protocol.TELNET, new int[] {server.telnetPort()}, shape, List.of(server));
            long idle = server.heapUsedAfterGc();
            ProcessCpu.Snapshot[] threadsBefore = new ProcessCpu.Snapshot[1];
            ChatLoad.Result result = load.run("Carrier", ChatLoad.Protocol.TELNET, server.telnetPort(), shape,
                    server::cpuNanos, () -> {
                        if (profiler != null) server.profiler(profiler, "start,event=cpu,interval=100us");
                        threadsBefore[0] = server.threadCpu();
                    });
            System.out.printf(Locale.ROOT, "server threads    %s%n", byThread(server.threadCpu().since(threadsBefore[0])));
            if (profiler != null) {
                server.profiler(profiler, "stop,file=" + profileOut.toAbsolutePath() + profileForm());
                System.out.printf(Locale.ROOT, "profile           %s%n", profileOut.toAbsolutePath());
            }
            // After the measured run, with everyone still in chat: the full collection it takes
            // must not fall inside the run (it once came with the JIT compiling again there).
            long inChat = heapQuietly(server);
            System.out.printf(Locale.ROOT, "server heap       %.1f KiB per session in chat (%.1f MiB over %.1f MiB idle)%n",
                    (inChat - idle) / 1024.0 / clients, (inChat - idle) / 1048576.0, idle / 1048576.0);
            return result;
        }
    }

    /**
     * The same load on one server and then on {@code --servers} servers as one cluster, both on one
     * PostgreSQL schema of the bench's own; the report ends with the two side by side and, for the
     * cluster, each server's deliveries of lines said on it against lines said on another.
     */
    private int clusterRuns(ChatLoad.Shape shape, Pinning pinning) throws Exception {
        if (versus != null) {
            System.out.println("--versus compares one server; leave it out with --servers");
            return 2;
        }
        List<ChatLoad.Result> one = new ArrayList<>();
        List<ChatLoad.Result> cluster = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            if (runs > 1) System.out.printf(Locale.ROOT, "%n--- run %d of %d%n", run, runs);
            one.add(report(spreadRun(shape, pinning, 1)));
            cluster.add(report(spreadRun(shape, pinning, servers)));
        }
        System.out.print(clusterTable(shape, one, cluster));
        System.out.printf(Locale.ROOT, "machine load at the end %s%n", loadAverage());
        return one.stream().allMatch(ChatLoad.Result::complete) && cluster.stream().allMatch(ChatLoad.Result::complete)
                ? 0 : 1;
    }

    /** One run with the callers spread over {@code count} servers (one: a plain server, no cluster). */
    private ChatLoad.Result spreadRun(ChatLoad.Shape shape, Pinning pinning, int count) throws Exception {
        List<ServerProcess> started = new ArrayList<>();
        try (ScratchSchema schema = ScratchSchema.create(PostgresUrl.parse(database), "carrier_bench_")) {
            String url = schema.url().jdbcUrl();
            Path first = Files.createTempDirectory("carrier-bench");
            UserSeeder.seed(Optional.of(schema.url()), first, clients);
            try (ChatLoad load = new ChatLoad(timeoutSeconds)) {
                int[] ports = new int[count];
                for (int i = 0; i < count; i++) {
                    List<String> args = new ArrayList<>(serverJar.serverArgs);
                    args.addAll(List.of("--database", url));
                    if (count > 1) args.addAll(List.of("--cluster", nats, "--server-name", "bench-" + (i + 1)));
                    Path data = i == 0 ? first : Files.createTempDirectory("carrier-bench");
                    started.add(ServerProcess.start(pinning.serverLauncher(), serverJar.jvmArgs, serverJar.jar, data,
                            nodes(), serverHeap, args, false));
                    ports[i] = started.get(i).telnetPort();
                }
                warmUp(ChatLoad.Protocol.TELNET, ports, shape, started);
                String name = count == 1 ? "Carrier, 1 server" : "Carrier, " + count + " servers";
                return load.run(name, ChatLoad.Protocol.TELNET, ports, shape,
                        () -> started.stream().mapToLong(ServerProcess::cpuNanos).sum(), () -> { });
            }
        } finally {
            started.forEach(ServerProcess::close);
        }
    }

    /** One server next to the cluster (medians over the runs), then the cluster's deliveries by hop. */
    static String clusterTable(ChatLoad.Shape shape, List<ChatLoad.Result> one, List<ChatLoad.Result> cluster) {
        StringBuilder out = new StringBuilder();
        String load = shape.pace() + ", N = " + shape.clients() + ", " + shape.senders() + " x " + shape.lines();
        out.append(String.format(Locale.ROOT, "%n%s%n", one.size() > 1 ? "medians of " + one.size() + " runs" : ""));
        out.append("| load | servers | delivered | deliveries/s | server CPU per delivery | p50 | p99 |\n");
        out.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (List<ChatLoad.Result> results : List.of(one, cluster)) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %,d of %,d | %,.0f | %.2f us | %.1f ms | %.1f ms |%n",
                    load, results.get(0).server(), (long) median(results, ChatLoad.Result::delivered),
                    results.get(0).expected(), median(results, ChatLoad.Result::deliveriesPerSecond),
                    median(results, ChatLoad.Result::serverCpuMicrosPerDelivery),
                    median(results, ChatLoad.Result::p50Millis), median(results, ChatLoad.Result::p99Millis)));
        }
        out.append("\n| receiving server | line said on | delivered | p50 | p99 |\n");
        out.append("| --- | --- | --- | --- | --- |\n");
        List<ChatLoad.Hop> hops = cluster.get(cluster.size() / 2).hops();
        for (ChatLoad.Hop hop : hops) {
            out.append(String.format(Locale.ROOT, "| %d | %s | %,d | %.1f ms | %.1f ms |%n", hop.server() + 1,
                    hop.sameServer() ? "the same server" : "another server", hop.delivered(), hop.p50Millis(),
                    hop.p99Millis()));
        }
        return out.toString();
    }

    private ChatLoad.Result referenceRun(ChatLoad.Shape shape, Pinning pinning) throws Exception {
        Path dir = Files.createTempDirectory("carrier-bench-versus");
        try (ReferenceServer server = ReferenceServer.start(versus, dir, pinning.serverLauncher());
                ChatLoad load = new ChatLoad(timeoutSeconds)) {
            warmUp(ChatLoad.Protocol.IRC, server.port(), shape);
            return load.run(server.name(), ChatLoad.Protocol.IRC, server.port(), shape, server::cpuNanos, () -> { });
        }
    }

    /** The reference's warm-up: {@code --warmup} rounds (it compiles nothing as it goes). */
    private void warmUp(ChatLoad.Protocol protocol, int port, ChatLoad.Shape shape) throws InterruptedException {
        warmUp(protocol, new int[] {port}, shape, List.of());
    }

    /**
     * Rounds of the load, untimed: {@code --warmup} of them, and with Carrier's {@code servers} more
     * until their JIT compilers took at most {@link #JIT_QUIET} of the servers' CPU while lines were
     * sent, two rounds in a row (one quiet round was seen followed by a busy one), up to
     * {@code --warmup-max}. One round is not enough: a method called once per line, not per
     * delivery, is still being compiled in the fourth.
     */
    private void warmUp(ChatLoad.Protocol protocol, int[] ports, ChatLoad.Shape shape, List<ServerProcess> servers)
            throws InterruptedException {
        int most = servers.isEmpty() ? warmups : Math.max(warmups, warmupMax);
        int quietRounds = 0;
        for (int round = 1; round <= most; round++) {
            List<ProcessCpu.Snapshot> before = new ArrayList<>();
            ChatLoad.Result result;
            try (ChatLoad load = new ChatLoad(timeoutSeconds)) {
                result = load.run("warm-up", protocol, ports, shape, () -> 0,
                        () -> servers.forEach(server -> before.add(server.threadCpu())));
            }
            double compiling = compilerShare(servers, before);
            System.out.printf(Locale.ROOT, "warm-up %d: %d of %d delivered%s%n", round, result.delivered(),
                    result.expected(), servers.isEmpty() ? "" : String.format(Locale.ROOT,
                            ", the JIT compiler took %.0f%% of the server's CPU", compiling * 100));
            quietRounds = compiling <= JIT_QUIET ? quietRounds + 1 : 0;
            if (round >= warmups && (servers.isEmpty() || quietRounds == 2)) return;
        }
        if (!servers.isEmpty()) System.out.printf(Locale.ROOT, "warm-up: still compiling after %d rounds%n", most);
    }

    /** What share of the servers' CPU since {@code before} their JIT compiler threads used. */
    private static double compilerShare(List<ServerProcess> servers, List<ProcessCpu.Snapshot> before) {
        long all = 0;
        long compiler = 0;
        for (int i = 0; i < servers.size(); i++) {
            ProcessCpu.Snapshot now = servers.get(i).threadCpu();
            all += now.total() - before.get(i).total();
            compiler += now.compilerNanos() - before.get(i).compilerNanos();
        }
        return all <= 0 ? 0 : (double) compiler / all;
    }

    /**
     * The bench server's nodes: each round's callers, and as many again, since the last round's may
     * still be leaving as the next one's come in (warm-up rounds follow each other at once).
     */
    private int nodes() {
        return 2 * clients + 16;
    }

    /** CPU by kind of thread, the busiest first: "event loop 41.2 ms, ...". */
    private static String byThread(Map<String, Long> used) {
        return used.entrySet().stream().limit(8)
                .map(e -> String.format(Locale.ROOT, "%s %.1f ms", e.getKey(), e.getValue() / 1e6))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** async-profiler's output option for the file name's ending; the default is a flame graph. */
    private String profileForm() {
        String name = profileOut.getFileName().toString();
        if (name.endsWith(".collapsed")) return ",collapsed";
        if (name.endsWith(".jfr")) return ",jfr";
        if (name.endsWith(".txt")) return ",summary,flat=40,traces=20";
        return ",flamegraph";
    }

    private static long heapQuietly(ServerProcess server) {
        try {
            return server.heapUsedAfterGc();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private int idleSessions() throws Exception {
        Path data = Files.createTempDirectory("carrier-bench");
        System.out.printf(Locale.ROOT, "seeding %d users...%n", clients);
        UserSeeder.seed(data, clients);
        try (ServerProcess server = ServerProcess.start(serverJar.jar, data, nodes(), serverHeap, serverJar.serverArgs);
                ChatLoad load = new ChatLoad(timeoutSeconds)) {
            long baseline = server.heapUsedAfterGc();
            long loginStart = System.nanoTime();
            load.connect(server.telnetPort(), clients,
                    (index, ready) -> new BenchClient(UserSeeder.handle(index), false, null, ready, new Latencies(0)));
            System.out.printf(Locale.ROOT, "%d callers logged in at the menu in %.1f s%n", clients,
                    (System.nanoTime() - loginStart) / 1e9);
            long used = server.heapUsedAfterGc();
            System.out.printf(Locale.ROOT, "server heap: %.1f MiB before, %.1f MiB with %d sessions: %.1f KiB per session%n",
                    baseline / 1048576.0, used / 1048576.0, clients, (used - baseline) / 1024.0 / clients);
            return 0;
        }
    }

    private static ChatLoad.Result report(ChatLoad.Result r) {
        ChatLoad.Shape shape = r.shape();
        System.out.printf(Locale.ROOT, "server            %s%n", r.server());
        System.out.printf(Locale.ROOT, "clients           %d in %d room%s%n", shape.clients(), shape.rooms(),
                shape.rooms() == 1 ? "" : "s");
        System.out.printf(Locale.ROOT, "lines sent        %d (%d senders x %d, %s)%n", (long) shape.senders() * shape.lines(),
                shape.senders(), shape.lines(), shape.pace());
        System.out.printf(Locale.ROOT, "deliveries        %d of %d (%d dropped for slow readers, %d missed notices)%n",
                r.delivered(), r.expected(), r.expected() - r.delivered(), r.missedNotices());
        System.out.printf(Locale.ROOT, "deliveries/s      %.0f%n", r.deliveriesPerSecond());
        System.out.printf(Locale.ROOT, "latency p50       %.2f ms%n", r.p50Millis());
        System.out.printf(Locale.ROOT, "latency p99       %.2f ms%n", r.p99Millis());
        System.out.printf(Locale.ROOT, "latency max       %.2f ms%n", r.maxMillis());
        System.out.printf(Locale.ROOT, "cpu               server %.2f s (%.2f us per delivery), load %.2f s, over %.2f s%n",
                r.serverCpuSeconds(), r.serverCpuMicrosPerDelivery(), r.loadCpuSeconds(), r.seconds());
        return r;
    }

    /** The side-by-side table (medians over the runs), then Carrier's figures over the reference's. */
    static String table(ChatLoad.Shape shape, List<ChatLoad.Result> carrier, List<ChatLoad.Result> reference) {
        StringBuilder out = new StringBuilder();
        String load = shape.pace() + ", N = " + shape.clients() + ", " + shape.senders() + " x " + shape.lines();
        out.append(String.format(Locale.ROOT, "%n%s%n", carrier.size() > 1 ? "medians of " + carrier.size() + " runs" : ""));
        out.append("| load | server | delivered | server CPU per delivery | p50 | p99 |\n");
        out.append("| --- | --- | --- | --- | --- | --- |\n");
        for (List<ChatLoad.Result> results : List.of(reference, carrier)) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %,d of %,d | %.2f us | %.1f ms | %.1f ms |%n", load,
                    results.get(0).server(), (long) median(results, ChatLoad.Result::delivered), results.get(0).expected(),
                    median(results, ChatLoad.Result::serverCpuMicrosPerDelivery),
                    median(results, ChatLoad.Result::p50Millis), median(results, ChatLoad.Result::p99Millis)));
        }
        out.append(String.format(Locale.ROOT, "Carrier / %s: delivered share %.3f / %.3f, CPU per delivery %.2fx,"
                + " p50 %.2fx, p99 %.2fx%n", reference.get(0).server(),
                median(carrier, r -> (double) r.delivered() / r.expected()),
                median(reference, r -> (double) r.delivered() / r.expected()),
                ratio(carrier, reference, ChatLoad.Result::serverCpuMicrosPerDelivery),
                ratio(carrier, reference, ChatLoad.Result::p50Millis),
                ratio(carrier, reference, ChatLoad.Result::p99Millis)));
        return out.toString();
    }

    private static double ratio(List<ChatLoad.Result> carrier, List<ChatLoad.Result> reference,
            ToDoubleFunction<ChatLoad.Result> figure) {
        return median(carrier, figure) / median(reference, figure);
    }

    static double median(List<ChatLoad.Result> results, ToDoubleFunction<ChatLoad.Result> figure) {
        double[] values = results.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
