package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DNS rebinding is refused by host name; a spoofed proxy header names nobody. */
class PublicHostAndProxyTest {

    @TempDir
    Path data;

    @Test
    void aWebSocketUnderAForeignHostWithAMatchingOriginIsRefusedWith403() {
        try (TestServer bbs = TestServer.start(data); RawClient rebound = RawClient.connect(bbs.server().webPort())) {
            int port = bbs.server().webPort();
            rebound.upgrade("/terminal", "evil.example:" + port, "http://evil.example:" + port);
            String answer = rebound.awaitText("--public-host", WAIT);
            assertTrue(answer.startsWith("HTTP/1.1 403 "), answer);
            try (RawClient own = RawClient.connect(port)) { // the server's own names still work
                own.upgrade("/terminal", "localhost:" + port, "http://localhost:" + port);
                own.awaitText("login: ", WAIT);
            }
            bbs.browse(); // 127.0.0.1:port
        }
    }

    @Test
    void aListedPublicHostIsAllowed() {
        ServerConfig config = ServerConfig.forTests(data);
        config = config.toBuilder().publicHosts(List.of("bbs.example.org")).build();
        try (TestServer bbs = TestServer.start(config); RawClient client = RawClient.connect(bbs.server().webPort())) {
            client.upgrade("/terminal", "bbs.example.org", "https://bbs.example.org");
            client.awaitText("login: ", WAIT);
        }
    }

    @Test
    void behindAProxyThatSetsOnlyXRealIpAClientChosenForwardedForIsIgnored() {
        ServerConfig config = ServerConfig.forTests(data);
        config = config.toBuilder().proxy(true, List.of("127.0.0.1"), "X-Real-IP").build();
        try (TestServer bbs = TestServer.start(config)) {
            bbs.track(WebSocketTestClient.terminal(bbs.webUri("/terminal"),
                    Map.of("X-Forwarded-For", "192.0.2.66", "X-Real-IP", "203.0.113.7"))).awaitText("login: ");
            assertEquals("203.0.113.7", onlyAddress(bbs));
        }
    }

    @Test
    void headersFromAPeerThatIsNotATrustedProxyAreIgnored() {
        ServerConfig config = ServerConfig.forTests(data);
        config = config.toBuilder().proxy(true, List.of("10.0.0.0/8"), "X-Forwarded-For").build();
        try (TestServer bbs = TestServer.start(config)) {
            bbs.track(WebSocketTestClient.terminal(bbs.webUri("/terminal"), Map.of("X-Forwarded-For", "203.0.113.7")))
                    .awaitText("login: ");
            assertEquals("127.0.0.1", onlyAddress(bbs));
        }
    }

    private static String onlyAddress(TestServer bbs) {
        var nodes = bbs.server().nodes().snapshot();
        assertEquals(1, nodes.size(), nodes.toString());
        return nodes.get(0).remoteAddress();
    }
}
