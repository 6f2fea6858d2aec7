package dev.carrier.server;

import dev.carrier.session.EngineConfig;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A whole Carrier on loopback with ephemeral ports and a fast password hash, for one test. */
final class TestServer implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final CarrierServer server;
    private final List<TelnetTestClient> clients = new ArrayList<>();

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

    /** Logs an existing user in and leaves them at the main menu. */
    TelnetTestClient login(String handle, String password) {
        TelnetTestClient client = call();
        client.sendLine(handle);
        client.awaitText("password: ", WAIT);
        client.sendLine(password);
        client.awaitText("Main menu: ", WAIT);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(TelnetTestClient::close);
        server.close();
    }
}
