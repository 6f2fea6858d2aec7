package dev.carrier.server;

import dev.carrier.bus.TestNats;
import dev.carrier.store.TestDatabases;
import dev.carrier.telnet.TelnetTestClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Several {@code carrier serve} processes ({@link ChildServer}s) that are one BBS: one private NATS
 * ({@link TestNats}), one PostgreSQL schema ({@link TestDatabases}, the same URL for every server),
 * and for each server its own data folder ({@code root/srvN}: host keys and the admin file), ports
 * and name ({@code srvN}). Tests reach the servers only as callers and sysops do: telnet, the web
 * and the {@code carrier} commands on a server's data folder.
 *
 * <p>Close it before the test's extensions run (try-with-resources or {@code @AfterEach}), so the
 * servers are gone before their NATS stops and their schema is dropped.
 */
final class ServerCluster implements AutoCloseable {

    /** How long a line, a DM or an order may take to cross to another process: longer than {@link TestServer#WAIT}. */
    static final Duration WAIT = Duration.ofSeconds(20);

    private final Path root;
    private final List<String> options;
    private final ChildServer[] servers;
    private final List<TelnetTestClient> clients = new ArrayList<>();

    private ServerCluster(Path root, List<String> options, int count) {
        this.root = root;
        this.options = options;
        this.servers = new ChildServer[count];
    }

    /**
     * Starts {@code count} servers on {@code nats} and one schema of {@code databases}, one after the
     * other (the first migrates the schema), each with {@code options} besides the cluster's own.
     */
    static ServerCluster start(int count, Path root, TestNats nats, TestDatabases databases, String... options)
            throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("--cluster", nats.url(), "--database", database(root, databases)));
        all.addAll(List.of(options));
        ServerCluster cluster = new ServerCluster(root, List.copyOf(all), count);
        try {
            for (int i = 0; i < count; i++) cluster.launch(i);
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The {@code --database} every server of a cluster on {@code root} is given: one schema for them all. */
    static String database(Path root, TestDatabases databases) {
        return databases.postgres(root.resolve("cluster")).jdbcUrl();
    }

    private void launch(int i) throws IOException, InterruptedException {
        List<String> own = new ArrayList<>(options);
        own.addAll(List.of("--server-name", name(i)));
        servers[i] = ChildServer.start(data(i), own.toArray(String[]::new));
    }

    int size() {
        return servers.length;
    }

    /** Server {@code i}'s name, as {@code who} and {@code status} show it. */
    static String name(int i) {
        return "srv" + (i + 1);
    }

    /** Server {@code i}'s data folder: where the {@code carrier} commands find it. */
    Path data(int i) {
        return root.resolve(name(i));
    }

    ChildServer server(int i) {
        return servers[i];
    }

    /** {@code kill -9}: the process ends at once and says nothing to anyone. */
    void kill9(int i) throws InterruptedException {
        servers[i].kill();
    }

    /** SIGTERM, as a service manager stops it, and waits until it has exited. */
    void stop(int i) throws InterruptedException {
        servers[i].terminate();
        servers[i].awaitExit(ServeCommand.STOP_BOUND.plusSeconds(10));
    }

    /** Starts server {@code i} again under its name and data folder (on new ports), after a kill or a stop. */
    void restart(int i) throws IOException, InterruptedException {
        if (servers[i].isAlive()) stop(i);
        launch(i);
    }

    // ---- callers ----

    /** A telnet caller on server {@code i}, at the login prompt. */
    TelnetTestClient call(int i) {
        TelnetTestClient client = connect(i);
        client.awaitText("login: ", WAIT);
        return client;
    }

    private TelnetTestClient connect(int i) {
        TelnetTestClient client = TelnetTestClient.connect("127.0.0.1", servers[i].telnetPort());
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    /** Registers {@code handle} (password {@code secret-HANDLE}) on server {@code i}; at the main menu. */
    TelnetTestClient register(int i, String handle) {
        TelnetTestClient client = connect(i);
        MailSteps.register(client, handle);
        return client;
    }

    /** Logs {@code handle}, registered on any server, in on server {@code i}; at the main menu. */
    TelnetTestClient login(int i, String handle) {
        return TestServer.login(call(i), handle, secret(handle));
    }

    /** Registers {@code handle} on server {@code i} and takes them into chat (the lobby). */
    TelnetTestClient inChat(int i, String handle) {
        return TestServer.enterChat(register(i, handle));
    }

    /** A JSON client of {@code handle} (registered already) on server {@code i}'s web port, logged in over REST. */
    JsonClient json(int i, String handle) {
        return JsonClient.login(servers[i].webBase(), handle, secret(handle));
    }

    static String secret(String handle) {
        return "secret-" + handle;
    }

    // ---- the sysop ----

    /** {@code carrier ARGS} on server {@code i}'s data folder, as its sysop types it. */
    Cli.Result cli(int i, String... args) {
        return Cli.run(data(i), args);
    }

    /** What every server printed, for a failure's message. */
    String output() {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < servers.length; i++) {
            if (servers[i] != null) all.append("---- ").append(name(i)).append(":\n").append(servers[i].output());
        }
        return all.toString();
    }

    @Override
    public void close() throws InterruptedException {
        synchronized (clients) {
            clients.forEach(TelnetTestClient::close);
        }
        // Stopped together: each stop may wait for its callers to hang up.
        for (ChildServer server : servers) {
            if (server != null && server.isAlive()) server.terminate();
        }
        for (ChildServer server : servers) {
            if (server != null) server.close();
        }
    }
}
