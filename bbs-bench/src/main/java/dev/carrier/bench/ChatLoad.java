package dev.carrier.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * The chat load against one server: N callers come into the room over the server's protocol, S
 * of them send M lines each (all at once or paced), and every caller records when every line
 * arrives. The same load, client and counting for Carrier (telnet) and for a reference IRC server.
 */
final class ChatLoad implements AutoCloseable {

    /** How the callers speak to the server, and who receives a line. */
    enum Protocol {
        /** Carrier's telnet: log in, enter chat; the room echoes a line to its sender too. */
        TELNET {
            @Override
            LoadCaller caller(int index, String room, CountDownLatch ready, Latencies latencies) {
                return new BenchClient(UserSeeder.handle(index), true, room, ready, latencies);
            }

            @Override
            int receiversOfEachLine(int members) {
                return members;
            }
        },
        /** IRC: NICK/USER, JOIN, PRIVMSG; a server does not echo a line to its sender. */
        IRC {
            @Override
            LoadCaller caller(int index, String room, CountDownLatch ready, Latencies latencies) {
                return new IrcClient(UserSeeder.handle(index), room == null ? IrcClient.ROOM : "#" + room, ready,
                        latencies);
            }

            @Override
            int receiversOfEachLine(int members) {
                return members - 1;
            }
        };

        /** @param room the room to be in, or null for the lobby */
        abstract LoadCaller caller(int index, String room, CountDownLatch ready, Latencies latencies);

        /** Who receives a line said in a room of {@code members} callers. */
        abstract int receiversOfEachLine(int members);
    }

    /**
     * The load: callers, senders among them, lines each, lines per second each (0: all at once),
     * and the rooms the callers are spread over (caller i in {@code bench-(i mod K)}; one room is
     * the lobby).
     */
    record Shape(int clients, int senders, int lines, double rate, int rooms) {

        Shape(int clients, int senders, int lines, double rate) {
            this(clients, senders, lines, rate, 1);
        }

        Shape {
            if (rooms < 1 || rooms > clients) throw new IllegalArgumentException("rooms must be from 1 to the callers");
        }

        /** Caller {@code i}'s room: null (the lobby) with one room, else {@code bench-(i mod K)}. */
        String roomOf(int caller) {
            return rooms == 1 ? null : "bench-" + (caller % rooms);
        }

        /** Senders spread over the callers and, with rooms, over the rooms too. */
        int sender(int s) {
            return (s * (clients / senders) + s % rooms) % clients;
        }

        /** Each sender's lines reach the people in its room. */
        long expected(Protocol protocol) {
            long[] members = new long[rooms];
            for (int i = 0; i < clients; i++) members[i % rooms]++;
            long expected = 0;
            for (int s = 0; s < senders; s++) {
                expected += protocol.receiversOfEachLine((int) members[sender(s) % rooms]) * (long) lines;
            }
            return expected;
        }

        String pace() {
            return rate > 0 ? String.format(Locale.ROOT, "%s lines/s per sender", rate) : "burst (all at once)";
        }
    }

    /**
     * With several servers, the deliveries to the callers of one server ({@code server}, from 0) of
     * lines said on that same server or on another: what the hop between servers costs.
     */
    record Hop(int server, boolean sameServer, long delivered, double p50Millis, double p99Millis) {}

    /** What one run measured; {@code hops} is empty with one server. */
    record Result(String server, Shape shape, long delivered, long expected, long missedNotices, double seconds,
            double serverCpuSeconds, double loadCpuSeconds, double p50Millis, double p99Millis, double maxMillis,
            List<Hop> hops) {

        double serverCpuMicrosPerDelivery() {
            return delivered == 0 ? Double.NaN : serverCpuSeconds * 1e6 / delivered;
        }

        double deliveriesPerSecond() {
            return delivered / seconds;
        }

        boolean complete() {
            return delivered == expected;
        }
    }

    /** Logins go in batches: enough to keep the server busy, not a SYN flood. */
    private static final int BATCH = 256;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final int timeoutSeconds;

    ChatLoad(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * Connects {@code count} callers made by {@code callers} and waits until all are ready.
     *
     * @throws IllegalStateException when they are not all in within the timeout
     */
    List<LoadCaller> connect(int port, int count, BiFunction<Integer, CountDownLatch, LoadCaller> callers)
            throws InterruptedException {
        return connect(new int[] {port}, count, callers);
    }

    /** As above, spread over several servers: caller {@code i} calls {@code ports[serverOf(i, count, ports.length)]}. */
    List<LoadCaller> connect(int[] ports, int count, BiFunction<Integer, CountDownLatch, LoadCaller> callers)
            throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(count);
        List<LoadCaller> connected = new ArrayList<>();
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (int first = 0; first < count; first += BATCH) {
            int end = Math.min(count, first + BATCH);
            for (int i = first; i < end; i++) {
                LoadCaller caller = callers.apply(i, ready);
                connected.add(caller);
                bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(caller);
                    }
                }).connect("127.0.0.1", ports[serverOf(i, count, ports.length)]).sync();
            }
            while (ready.getCount() > count - end && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
                long away = connected.stream().filter(LoadCaller::turnedAway).count();
                if (away > 0) {
                    throw new IllegalStateException(away + " of " + count + " callers were hung up on before they got in;"
                            + " the server's log says why");
                }
            }
        }
        if (!ready.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("only " + (count - ready.getCount()) + " of " + count
                    + " callers got in within " + timeoutSeconds + " s");
        }
        return connected;
    }

    /**
     * Runs the shape against the server on {@code port} and measures it; {@code allIn} runs once
     * every caller is in the room, before any line is sent.
     */
    Result run(String server, Protocol protocol, int port, Shape shape, LongSupplier serverCpuNanos, Runnable allIn)
            throws InterruptedException {
        return run(server, protocol, new int[] {port}, shape, serverCpuNanos, allIn);
    }

    /**
     * The server of caller {@code i} of {@code clients} spread over {@code servers}: in blocks, so the
     * senders, spread evenly over the callers, are spread over the servers too.
     */
    static int serverOf(int i, int clients, int servers) {
        return (int) ((long) i * servers / clients);
    }

    /**
     * As above with the callers spread over several servers ({@code ports}, see {@link #serverOf});
     * with more than one, each delivery also counts in its {@link Hop}.
     */
    Result run(String server, Protocol protocol, int[] ports, Shape shape, LongSupplier serverCpuNanos, Runnable allIn)
            throws InterruptedException {
        long expected = shape.expected(protocol);
        Latencies latencies = new Latencies((int) Math.min(expected, Integer.MAX_VALUE - 8));
        int servers = ports.length;
        // hops[receiving server][0: said on the same server, 1: on another]
        Latencies[][] hops = servers == 1 ? null : hopLatencies(protocol, shape, servers);
        List<LoadCaller> callers = connect(ports, shape.clients(), (index, ready) -> {
            LoadCaller caller = protocol.caller(index, shape.roomOf(index), ready, latencies);
            if (hops == null) return caller;
            int here = serverOf(index, shape.clients(), servers);
            return caller.alsoBySender(s -> hops[here][serverOf(shape.sender(s), shape.clients(), servers) == here ? 0 : 1]);
        });
        allIn.run();
        // Everyone saw everyone come in; those lines are not bench lines and are not counted.
        long serverCpuBefore = serverCpuNanos.getAsLong();
        long loadCpuBefore = ownCpuNanos();
        long start = System.nanoTime();
        for (int s = 0; s < shape.senders(); s++) {
            callers.get(shape.sender(s)).send(s, shape.lines(), shape.rate());
        }
        long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long quiet = TimeUnit.SECONDS.toNanos(5);
        // Done when everything arrived, or nothing more has arrived for a while (lines dropped
        // for a slow reader never will).
        while (latencies.count() < expected && System.nanoTime() < deadline
                && System.nanoTime() - Math.max(start, latencies.lastArrival()) < quiet) {
            LockSupport.parkNanos(2_000_000);
        }
        long delivered = latencies.count();
        double serverCpu = (serverCpuNanos.getAsLong() - serverCpuBefore) / 1e9;
        double loadCpu = (ownCpuNanos() - loadCpuBefore) / 1e9;
        double seconds = (Math.max(start, latencies.lastArrival()) - start) / 1e9;
        long[] sorted = latencies.sorted();
        List<Hop> hopResults = new ArrayList<>();
        for (int r = 0; hops != null && r < servers; r++) {
            for (int same = 0; same < 2; same++) {
                long[] hop = hops[r][same].sorted();
                hopResults.add(new Hop(r, same == 0, hop.length, Latencies.percentileMillis(hop, 50),
                        Latencies.percentileMillis(hop, 99)));
            }
        }
        return new Result(server, shape, delivered, expected,
                callers.stream().mapToLong(LoadCaller::missedNotices).sum(), seconds, serverCpu, loadCpu,
                Latencies.percentileMillis(sorted, 50), Latencies.percentileMillis(sorted, 99),
                Latencies.percentileMillis(sorted, 100), List.copyOf(hopResults));
    }

    /** One {@link Latencies} per receiving server and hop, each as large as the deliveries it can get. */
    private static Latencies[][] hopLatencies(Protocol protocol, Shape shape, int servers) {
        long[][] sizes = new long[servers][2];
        for (int s = 0; s < shape.senders(); s++) {
            int sender = shape.sender(s);
            for (int c = 0; c < shape.clients(); c++) {
                if (c % shape.rooms() != sender % shape.rooms()) continue;
                if (c == sender && protocol.receiversOfEachLine(2) == 1) continue; // no echo to the sender
                int here = serverOf(c, shape.clients(), servers);
                sizes[here][here == serverOf(sender, shape.clients(), servers) ? 0 : 1] += shape.lines();
            }
        }
        Latencies[][] hops = new Latencies[servers][2];
        for (int r = 0; r < servers; r++) {
            for (int h = 0; h < 2; h++) hops[r][h] = new Latencies((int) Math.min(sizes[r][h], Integer.MAX_VALUE - 8));
        }
        return hops;
    }

    private static long ownCpuNanos() {
        return ProcessCpu.nanos(ProcessHandle.current());
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
