package dev.carrier.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A second chat server to measure Carrier against, speaking IRC on a free loopback port. For
 * ngircd the bench writes the configuration itself (in the run's folder: loopback, no DNS, ident
 * or PAM, no connection or channel limits, penalties off, so that only fan-out is measured);
 * any other command is run as given, with {@code {port}} and {@code {dir}} filled in.
 */
final class ReferenceServer implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;

    private ReferenceServer(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    static ReferenceServer start(String command, Path dir, List<String> launcher) throws IOException {
        int port = ServerProcess.freePort();
        List<String> words = List.of(command.trim().split("\\s+"));
        Path program = Pinning.onPath(words.get(0));
        if (program == null) throw new IOException("no program " + words.get(0) + " to compare with");
        String name = program.getFileName().toString();
        List<String> line = new ArrayList<>(launcher);
        line.add(program.toString());
        if (name.equals("ngircd") && words.size() == 1) {
            Path config = dir.resolve("ngircd.conf");
            Files.writeString(config, ngircdConfig(port, dir));
            line.addAll(List.of("-n", "-f", config.toString()));
        } else {
            for (String word : words.subList(1, words.size())) {
                line.add(word.replace("{port}", String.valueOf(port)).replace("{dir}", dir.toString()));
            }
        }
        Path log = dir.resolve(name + ".log");
        Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ReferenceServer server = new ReferenceServer(name, process, port);
        server.awaitListening(Duration.ofSeconds(20), log);
        return server;
    }

    static String ngircdConfig(int port, Path dir) {
        return String.join("\n",
                "[Global]",
                "    Name = bench.carrier.invalid",
                "    Info = Carrier bench reference",
                "    Listen = 127.0.0.1",
                "    Ports = " + port,
                "    MotdPhrase = bench",
                "    PidFile = " + dir.resolve("ngircd.pid"),
                "[Limits]",
                "    MaxConnections = 0",
                "    MaxConnectionsIP = 0",
                "    MaxJoins = 0",
                "    MaxNickLength = 30",
                "    MaxPenaltyTime = 0",
                "    PingTimeout = 600",
                "    PongTimeout = 600",
                "[Options]",
                "    DNS = no",
                "    Ident = no",
                "    PAM = no",
                "");
    }

    private void awaitListening(Duration limit, Path log) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " stopped at start:\n" + Files.readString(log));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
        close();
        throw new IOException(name + " did not listen on port " + port + " within " + limit.toSeconds() + " s");
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    long cpuNanos() {
        return ProcessCpu.nanos(process.toHandle());
    }

    @Override
    public void close() {
        ServerProcess.stop(process);
    }
}
