package dev.carrier.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code carrier bench soak}: against one server process, many connections that end badly and
 * many frames no client should send, then what the server holds afterwards (heap after a full
 * collection, open file descriptors, nodes in use) beside what it held before.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Connect/drop cycles and fuzzed frames; heap, file descriptors and nodes before and after.")
final class SoakBench implements Callable<Integer> {

    private static final int USERS = 64;
    private static final int FRAMES_PER_BATCH = 10; // small, so neither side blocks on the other's unread output
    private static final Pattern NODES = Pattern.compile("\"nodes\"\\s*:\\s*(\\d+)");

    @Option(names = "--cycles", defaultValue = "10000", description = "Connect/drop cycles (default: ${DEFAULT-VALUE}).")
    int cycles;

    @Option(names = "--frames", defaultValue = "100000", description = "Fuzzed telnet and JSON frames (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--parallel", defaultValue = "8", description = "Connections at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--time-cap", defaultValue = "600",
            description = "Seconds after which the load stops, done or not (default: ${DEFAULT-VALUE}).")
    int timeCapSeconds;

    @Option(names = "--seed", defaultValue = "11", description = "Seed of the fuzz (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--server-heap", defaultValue = "256m", description = "Server -Xmx (default: ${DEFAULT-VALUE}).")
    String serverHeap;

    @Mixin
    ServerJar serverJar;

    /** What the server holds at one moment. */
    record Figures(long heapBytes, long fileDescriptors, int nodes) {}

    @Override
    public Integer call() throws Exception {
        Path data = Files.createTempDirectory("carrier-soak");
        UserSeeder.seed(data, USERS);
        try (ServerProcess server = ServerProcess.start(serverJar.jar, data, 512, serverHeap, serverJar.serverArgs, true)) {
            String token = token(server.webPort());
            Figures before = figures(server);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeCapSeconds);

            long started = System.nanoTime();
            AtomicLong cyclesDone = new AtomicLong();
            AtomicLong cycleErrors = new AtomicLong();
            runWorkers(() -> {
                while (System.nanoTime() < deadline && cyclesDone.getAndIncrement() < cycles) {
                    try {
                        cycle(server, token);
                    } catch (IOException e) {
                        cycleErrors.incrementAndGet();
                    }
                }
            });
            double cycleSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "%d connect/drop cycles in %.1f s (%d ended in an I/O error)%n",
                    Math.min(cyclesDone.get(), cycles), cycleSeconds, cycleErrors.get());

            started = System.nanoTime();
            Fuzz fuzz = new Fuzz(seed);
            AtomicLong framesSent = new AtomicLong();
            AtomicLong connections = new AtomicLong();
            runWorkers(() -> {
                boolean json = false;
                while (System.nanoTime() < deadline && framesSent.get() < frames) {
                    json = !json;
                    connections.incrementAndGet();
                    fuzzOneConnection(server, token, fuzz, json, framesSent);
                }
            });
            System.out.printf(Locale.ROOT, "%d fuzzed frames on %d connections in %.1f s%n",
                    Math.min(framesSent.get(), frames), connections.get(), (System.nanoTime() - started) / 1e9);
            if (System.nanoTime() >= deadline) System.out.printf("stopped at the time cap of %d s%n", timeCapSeconds);

            if (!server.isAlive()) {
                System.out.println("the server process died; see server.log in " + data);
                return 1;
            }
            Figures after = settledFigures(server, before.nodes());
            printTable(before, after);
            return 0;
        }
    }

    private void runWorkers(Runnable work) throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(parallel);
        for (int i = 0; i < parallel; i++) workers.execute(work);
        workers.shutdown();
        if (!workers.awaitTermination(timeCapSeconds + 60L, TimeUnit.SECONDS)) workers.shutdownNow();
    }

    /** One connection that ends badly, of a kind chosen at random. */
    private static void cycle(ServerProcess server, String token) throws IOException {
        int telnet = server.telnetPort(), web = server.webPort();
        switch (ThreadLocalRandom.current().nextInt(8)) {
            case 0 -> SoakConnection.open(telnet).close(); // before the server said anything
            case 1 -> {
                try (SoakConnection c = SoakConnection.open(telnet)) {
                    c.write(new byte[] {(byte) 255, (byte) 251}); // half a WILL: mid-negotiation
                }
            }
            case 2 -> {
                try (SoakConnection c = SoakConnection.open(telnet)) { // logged in, then gone
                    String handle = UserSeeder.handle(ThreadLocalRandom.current().nextInt(USERS));
                    if (c.readUntil("login: ", true)) c.write(handle + "\r\n");
                    if (c.readUntil("password: ", true)) c.write(UserSeeder.PASSWORD + "\r\n");
                    c.readUntil("Main menu: ", true);
                }
            }
            case 3 -> {
                try (SoakConnection c = SoakConnection.open(web)) {
                    c.write("GET /hea"); // mid-request
                }
            }
            case 4 -> {
                try (SoakConnection c = SoakConnection.open(web)) {
                    c.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                    c.readUntil("\r\n\r\n", false);
                }
            }
            case 5 -> {
                try (SoakConnection c = SoakConnection.open(web)) {
                    if (c.upgrade("/terminal", web)) c.readUntil("login: ", false);
                }
            }
            case 6 -> {
                try (SoakConnection c = SoakConnection.open(web)) {
                    c.upgrade("/events?token=" + token, web);
                }
            }
            default -> {
                try (SoakConnection c = SoakConnection.open(web)) { // a body cut short
                    c.write("POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 60\r\n\r\n{\"handle\":\"so");
                }
            }
        }
    }

    /** Sends fuzz on one connection until the server hangs up or the frames are all sent. */
    private void fuzzOneConnection(ServerProcess server, String token, Fuzz fuzz, boolean json, AtomicLong sent) {
        int port = json ? server.webPort() : server.telnetPort();
        try (SoakConnection c = SoakConnection.open(port)) {
            if (json && !c.upgrade("/events?token=" + token, port)) return;
            while (sent.get() < frames) {
                for (int i = 0; i < FRAMES_PER_BATCH && sent.get() < frames; i++) {
                    c.write(json ? fuzz.jsonFrame() : fuzz.telnetFrame());
                    sent.incrementAndGet();
                }
                c.drainAvailable();
            }
        } catch (IOException hungUp) {
            // the server closed on bad input: the next connection carries on
        }
    }

    private static String token(int webPort) throws IOException, InterruptedException {
        String body = "{\"handle\":\"" + UserSeeder.handle(0) + "\",\"password\":\"" + UserSeeder.PASSWORD + "\"}";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/api/login"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
        if (!token.find()) throw new IOException("no token from /api/login: " + answer.statusCode() + " " + answer.body());
        return token.group(1);
    }

    private static Figures figures(ServerProcess server) throws IOException, InterruptedException {
        return new Figures(server.heapUsedAfterGc(), server.openFileDescriptors(), nodes(server.webPort()));
    }

    /** The figures once the nodes are back where they were, or after 30 s if they never come back. */
    private static Figures settledFigures(ServerProcess server, int nodesBefore) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (nodes(server.webPort()) > nodesBefore && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200); // sessions end on the server's own timers
        }
        return figures(server);
    }

    private static int nodes(int webPort) throws IOException, InterruptedException {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/health"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher nodes = NODES.matcher(health.body());
        if (!nodes.find()) throw new IOException("no node count in /health: " + health.body());
        return Integer.parseInt(nodes.group(1));
    }

    private static void printTable(Figures before, Figures after) {
        System.out.printf(Locale.ROOT, "%n%-22s %12s %12s %12s%n", "", "before", "after", "change");
        System.out.printf(Locale.ROOT, "%-22s %12.1f %12.1f %+12.1f%n", "heap after GC (MiB)",
                before.heapBytes() / 1048576.0, after.heapBytes() / 1048576.0,
                (after.heapBytes() - before.heapBytes()) / 1048576.0);
        System.out.printf(Locale.ROOT, "%-22s %12d %12d %+12d%n", "open file descriptors",
                before.fileDescriptors(), after.fileDescriptors(), after.fileDescriptors() - before.fileDescriptors());
        System.out.printf(Locale.ROOT, "%-22s %12d %12d %+12d%n", "nodes in use",
                before.nodes(), after.nodes(), after.nodes() - before.nodes());
    }
}
