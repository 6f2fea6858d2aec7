package dev.carrier.server;

import dev.carrier.session.EngineConfig;
import dev.carrier.telnet.TelnetTestClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** A whole Carrier on loopback with ephemeral ports and a fast password hash, for one test. */
final class TestServer implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    /** The one way tests wait for a condition: checked at once, then every few milliseconds, up to {@link #WAIT}. */
    static ConditionFactory eventually() {
        return Awaitility.await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
    }

    private final CarrierServer server;
    private final List<TelnetTestClient> clients = new ArrayList<>();
    private final List<JsonClient> jsonClients = new ArrayList<>();
    private final List<WebSocketTestClient> webClients = new ArrayList<>();

    private TestServer(ServerConfig config) {
        server = CarrierServer.start(config);
    }

    static TestServer start(Path dataDir) {
        return new TestServer(ServerConfig.forTests(dataDir));
    }

    static TestServer start(Path dataDir, UnaryOperator<EngineConfig> engine) {
        ServerConfig config = ServerConfig.forTests(dataDir);
        return new TestServer(config.withEngine(engine.apply(config.engine())));
    }

    static TestServer start(ServerConfig config) {
        return new TestServer(config);
    }

    CarrierServer server() {
        return server;
    }

    /** A telnet client that negotiates like a real one, at the login prompt. */
    TelnetTestClient call() {
        TelnetTestClient client = connect(false);
        client.awaitText("login: ", WAIT);
        return client;
    }

    /** A client presenting itself as {@code options} say (window size, charset), at the login prompt. */
    TelnetTestClient call(TelnetTestClient.Options options) {
        TelnetTestClient client = TelnetTestClient.connect("127.0.0.1", server.telnetPort(), options);
        clients.add(client);
        client.awaitText("login: ", WAIT);
        return client;
    }

    TelnetTestClient connect(boolean raw) {
        TelnetTestClient client = raw
                ? TelnetTestClient.connectRaw("127.0.0.1", server.telnetPort())
                : TelnetTestClient.connect("127.0.0.1", server.telnetPort());
        clients.add(client);
        return client;
    }

    /** Registers a new user and leaves them at the main menu. */
    TelnetTestClient register(String handle, String password) {
        TelnetTestClient client = call();
        client.sendLine("new");
        client.awaitText("new handle: ", WAIT);
        client.sendLine(handle);
        client.awaitText("new password: ", WAIT);
        client.sendLine(password);
        client.awaitText("repeat password: ", WAIT);
        client.sendLine(password);
        client.awaitText("Main menu: ", WAIT);
        return client;
    }

    /** Registers a user and takes them into chat. */
    TelnetTestClient inChat(String handle) {
        return enterChat(register(handle, "secret-" + handle));
    }

    static TelnetTestClient enterChat(TelnetTestClient client) {
        client.send("c");
        client.awaitText("*** Welcome to chat. Type /help for commands.", WAIT);
        return client;
    }

    /** From chat into a room (made if new); returns the caller, now in it. */
    static TelnetTestClient inRoom(TelnetTestClient client, String room) {
        client.sendLine("/join " + room);
        client.awaitText("*** You are in #" + room.toLowerCase(java.util.Locale.ROOT), WAIT);
        return client;
    }

    /** How many bells the client has heard so far. */
    static long bells(TelnetTestClient client) {
        long count = 0;
        for (byte b : client.rawBytes()) {
            if (b == 7) count++;
        }
        return count;
    }

    /** Waits until the client has heard at least {@code count} bells. */
    static void awaitBells(TelnetTestClient client, long count) {
        eventually().untilAsserted(() -> {
            if (bells(client) < count) throw new AssertionError("expected " + count + " bells, heard " + bells(client));
        });
    }

    /**
     * Moves hand-driven time on in small steps, letting every session catch up after each, so
     * timers that sessions set again on their own executors are met in order.
     */
    void passTime(dev.carrier.runtime.ManualTime time, java.time.Duration total) {
        java.time.Duration step = java.time.Duration.ofSeconds(5);
        for (java.time.Duration passed = java.time.Duration.ZERO; passed.compareTo(total) < 0; passed = passed.plus(step)) {
            time.advance(step.compareTo(total.minus(passed)) <= 0 ? step : total.minus(passed));
            settle();
        }
    }

    /** Waits until every session has run what was handed to it so far. */
    void settle() {
        for (dev.carrier.session.Session session : server.nodes().sessions()) {
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            session.terminal().executor().execute(done::countDown);
            try {
                if (!done.await(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("node " + session.node() + " did not settle");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Waits until every one of the texts has arrived, in any order. */
    static void awaitAll(TelnetTestClient client, java.util.Collection<String> texts) {
        awaitAll(client, texts, WAIT);
    }

    /** As {@link #awaitAll(TelnetTestClient, java.util.Collection)}, waiting up to {@code within}. */
    static void awaitAll(TelnetTestClient client, java.util.Collection<String> texts, Duration within) {
        eventually().atMost(within).untilAsserted(() -> {
            String seen = client.transcript();
            List<String> missing = texts.stream().filter(text -> !seen.contains(text)).toList();
            if (!missing.isEmpty()) {
                throw new AssertionError("never saw " + missing.size() + " of " + texts.size() + ", first " + missing.get(0));
            }
        });
    }

    /** Every sender says {@code 1} to {@code lines} in its own thread, all starting together; returns when all are sent. */
    static void countAtOnce(List<TelnetTestClient> senders, int lines) throws InterruptedException {
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (TelnetTestClient sender : senders) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 1; i <= lines; i++) sender.sendLine(String.valueOf(i));
            });
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread thread : threads) thread.join();
    }

    /** How many times {@code needle} stands in {@code text}. */
    static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) count++;
        return count;
    }

    /** Logs an existing user in and leaves them at the main menu. */
    TelnetTestClient login(String handle, String password) {
        return login(call(), handle, password);
    }

    /** Logs an existing user in on a client at the login prompt and leaves them at the main menu. */
    static TelnetTestClient login(TelnetTestClient client, String handle, String password) {
        client.sendLine(handle);
        client.awaitText("password: ", WAIT);
        client.sendLine(password);
        client.awaitText("Main menu: ", WAIT);
        return client;
    }

    // ---- the web ----

    /** A user made straight in the store, for tests that log in over the JSON API. */
    void createUser(String handle, String password) {
        server.users().create(handle, server.hasher().hash(password));
    }

    /** A JSON client logged in over REST (the user is created first if need be), not yet connected. */
    JsonClient json(String handle) {
        if (server.users().find(handle).isEmpty()) createUser(handle, "secret-" + handle);
        JsonClient client = JsonClient.login(webOrigin(), handle, "secret-" + handle);
        jsonClients.add(client);
        return client;
    }

    /** {@code ws://127.0.0.1:PORT} and the path (with any query). */
    URI webUri(String path) {
        return URI.create("ws://127.0.0.1:" + server.webPort() + path);
    }

    /** The origin of the server's own terminal page. */
    String webOrigin() {
        return "http://127.0.0.1:" + server.webPort();
    }

    /** A browser terminal on /terminal, as the server's own page opens it, at the login prompt. */
    WebSocketTestClient browse() {
        WebSocketTestClient client = track(WebSocketTestClient.terminal(webUri("/terminal?cols=100&rows=30"),
                Map.of("Origin", webOrigin())));
        client.awaitText("login: ");
        return client;
    }

    /** Keeps a web client to close with the server. */
    WebSocketTestClient track(WebSocketTestClient client) {
        webClients.add(client);
        return client;
    }

    /** Registers a new user in a browser terminal and leaves them at the main menu. */
    WebSocketTestClient browserRegister(String handle, String password) {
        WebSocketTestClient client = browse();
        client.sendLine("new");
        client.awaitText("new handle: ");
        client.sendLine(handle);
        client.awaitText("new password: ");
        client.sendLine(password);
        client.awaitText("repeat password: ");
        client.sendLine(password);
        client.awaitText("Main menu: ");
        return client;
    }

    @Override
    public void close() {
        webClients.forEach(WebSocketTestClient::close);
        clients.forEach(TelnetTestClient::close);
        try {
            jsonClients.forEach(JsonClient::close); // fails the test on a frame that broke the contract
        } finally {
            server.close();
        }
    }
}
