package dev.carrier.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code carrier bench chat}: N callers log in over telnet; with senders, they enter chat and S
 * of them send M lines each, and every caller records when every line arrives. Without senders
 * the callers stay logged in at the menu and the server's heap per session is measured.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Chat fan-out: deliveries per second and latency; or idle sessions' heap.")
final class ChatBench implements Callable<Integer> {

    @Option(names = "--clients", defaultValue = "1000", description = "Callers (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--senders", defaultValue = "20",
            description = "Callers that talk; 0 measures idle sessions at the menu (default: ${DEFAULT-VALUE}).")
    int senders;

    @Option(names = "--lines", defaultValue = "100", description = "Lines per sender (default: ${DEFAULT-VALUE}).")
    int lines;

    @Option(names = "--rate", defaultValue = "25",
            description = "Lines per second per sender; 0 sends all at once (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--rooms", defaultValue = "1",
            description = "Rooms the callers are spread over (caller i in bench-(i mod K)); 1 keeps everyone in "
                    + "the lobby (default: ${DEFAULT-VALUE}).")
    int rooms;

    @Option(names = "--server-heap", defaultValue = "2g", description = "Server -Xmx (default: ${DEFAULT-VALUE}).")
    String serverHeap;

    @Mixin
    ServerJar serverJar;

    @Option(names = "--timeout", defaultValue = "300", description = "Seconds before giving up (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        if (rooms < 1 || rooms > clients) {
            System.out.println("--rooms must be from 1 to the number of clients");
            return 2;
        }
        Path data = Files.createTempDirectory("carrier-bench");
        System.out.printf(Locale.ROOT, "seeding %d users...%n", clients);
        UserSeeder.seed(data, clients);
        try (ServerProcess server = ServerProcess.start(serverJar.jar, data, clients + 16, serverHeap, serverJar.serverArgs)) {
            long baseline = server.heapUsedAfterGc();
            EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
            try {
                boolean chat = senders > 0;
                long expected = expectedDeliveries();
                Latencies latencies = new Latencies((int) Math.min(expected, Integer.MAX_VALUE - 8));
                CountDownLatch ready = new CountDownLatch(clients);
                long loginStart = System.nanoTime();
                List<BenchClient> callers = connect(group, server.telnetPort(), chat, ready, latencies);
                if (!ready.await(timeoutSeconds, TimeUnit.SECONDS)) {
                    System.out.printf("only %d of %d callers got in within %d s%n",
                            clients - ready.getCount(), clients, timeoutSeconds);
                    return 1;
                }
                double loginSeconds = (System.nanoTime() - loginStart) / 1e9;
                System.out.printf(Locale.ROOT, "%d callers logged in%s in %.1f s%n", clients,
                        chat ? " and in chat" : " at the menu", loginSeconds);
                if (!chat) {
                    long used = server.heapUsedAfterGc();
                    System.out.printf(Locale.ROOT, "server heap: %.1f MiB before, %.1f MiB with %d sessions: %.1f KiB per session%n",
                            baseline / 1048576.0, used / 1048576.0, clients, (used - baseline) / 1024.0 / clients);
                    return 0;
                }
                return talk(callers, latencies, expected, server, baseline);
            } finally {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
        }
    }

    /** Caller {@code i}'s room: none (the lobby) with one room, else {@code bench-(i mod K)}. */
    private String roomOf(int i) {
        return rooms == 1 ? null : "bench-" + (i % rooms);
    }

    /** Each sender's lines reach the people in its room, itself included. */
    private long expectedDeliveries() {
        long[] members = new long[rooms];
        for (int i = 0; i < clients; i++) members[i % rooms]++;
        long expected = 0;
        for (int s = 0; s < senders; s++) expected += members[senderIndex(s) % rooms] * lines;
        return expected;
    }

    /** Senders spread over the callers and, with rooms, over the rooms too. */
    private int senderIndex(int s) {
        return (s * (clients / senders) + s % rooms) % clients;
    }

    /** Logins go in batches: enough to keep the server busy, not a SYN flood. */
    private static final int BATCH = 256;

    private List<BenchClient> connect(EventLoopGroup group, int port, boolean chat, CountDownLatch ready,
            Latencies latencies) throws InterruptedException {
        List<BenchClient> callers = new ArrayList<>();
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true);
        for (int first = 0; first < clients; first += BATCH) {
            int end = Math.min(clients, first + BATCH);
            for (int i = first; i < end; i++) {
                BenchClient client = new BenchClient(UserSeeder.handle(i), chat, roomOf(i), ready, latencies);
                callers.add(client);
                bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(client);
                    }
                }).connect("127.0.0.1", port).sync();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (ready.getCount() > clients - end && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
        }
        return callers;
    }

    private int talk(List<BenchClient> callers, Latencies latencies, long expected, ServerProcess server,
            long baseline) throws Exception {
        long joinedHeap = server.heapUsedAfterGc();
        long serverCpuBefore = server.cpuNanos();
        long benchCpuBefore = ownCpuNanos();
        // Everyone saw everyone join; those lines are not bench lines and are not counted.
        long start = System.nanoTime();
        for (int s = 0; s < senders; s++) callers.get(senderIndex(s)).send(s, lines, rate);
        long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long quiet = TimeUnit.SECONDS.toNanos(5);
        // Done when everything arrived, or nothing more has arrived for a while (lines a slow
        // reader's mailbox dropped never will).
        while (latencies.count() < expected && System.nanoTime() < deadline
                && System.nanoTime() - Math.max(start, latencies.lastArrival()) < quiet) {
            LockSupport.parkNanos(5_000_000);
        }
        long received = latencies.count();
        double serverCpu = (server.cpuNanos() - serverCpuBefore) / 1e9;
        double benchCpu = (ownCpuNanos() - benchCpuBefore) / 1e9;
        double seconds = (latencies.lastArrival() - start) / 1e9;
        long[] sorted = latencies.sorted();
        System.out.printf(Locale.ROOT, "clients           %d in %d room%s%n", clients, rooms, rooms == 1 ? "" : "s");
        System.out.printf(Locale.ROOT, "lines sent        %d (%d senders x %d, %s)%n", (long) senders * lines, senders,
                lines, rate > 0 ? rate + " lines/s each" : "all at once");
        System.out.printf(Locale.ROOT, "deliveries        %d of %d (%d dropped for slow readers, %d missed notices)%n",
                received, expected, expected - received, callers.stream().mapToLong(BenchClient::missedNotices).sum());
        System.out.printf(Locale.ROOT, "deliveries/s      %.0f%n", received / seconds);
        System.out.printf(Locale.ROOT, "latency p50       %.2f ms%n", Latencies.percentileMillis(sorted, 50));
        System.out.printf(Locale.ROOT, "latency p99       %.2f ms%n", Latencies.percentileMillis(sorted, 99));
        System.out.printf(Locale.ROOT, "latency max       %.2f ms%n", Latencies.percentileMillis(sorted, 100));
        System.out.printf(Locale.ROOT, "server heap       %.1f KiB per session in chat (%.1f MiB over %.1f MiB idle)%n",
                (joinedHeap - baseline) / 1024.0 / clients, (joinedHeap - baseline) / 1048576.0, baseline / 1048576.0);
        System.out.printf(Locale.ROOT, "cpu               server %.1f s, load %.1f s, over %.1f s of wall time on %d cores%n",
                serverCpu, benchCpu, seconds, Runtime.getRuntime().availableProcessors());
        return received == expected ? 0 : 1;
    }

    private static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }
}
