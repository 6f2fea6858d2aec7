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

    /** What one run measured. */
    record Result(String server, Shape shape, long delivered, long expected, long missedNotices, double seconds,
            double serverCpuSeconds, double loadCpuSeconds, double p50Millis, double p99Millis, double maxMillis) {

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
                }).connect("127.0.0.1", port).sync();
            }
            while (ready.getCount() > count - end && System.nanoTime() < deadline) LockSupport.parkNanos(1_000_000);
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
        long expected = shape.expected(protocol);
        Latencies latencies = new Latencies((int) Math.min(expected, Integer.MAX_VALUE - 8));
        List<LoadCaller> callers = connect(port, shape.clients(),
                (index, ready) -> protocol.caller(index, shape.roomOf(index), ready, latencies));
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
        return new Result(server, shape, delivered, expected,
                callers.stream().mapToLong(LoadCaller::missedNotices).sum(), seconds, serverCpu, loadCpu,
                Latencies.percentileMillis(sorted, 50), Latencies.percentileMillis(sorted, 99),
                Latencies.percentileMillis(sorted, 100));
    }

    private static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
