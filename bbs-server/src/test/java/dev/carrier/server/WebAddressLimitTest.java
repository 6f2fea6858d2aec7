package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain HTTP connections count in --max-per-address like telnet and WebSockets, by the peer, or
 * behind a trusted proxy by the client it names.
 */
class WebAddressLimitTest {

    private static final String HEALTH = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    @TempDir
    Path data;

    @Test
    void theThirdKeepAliveConnectionFromOneAddressGets429WhileAnotherAddressIsServed() {
        try (TestServer bbs = TestServer.start(ServerConfig.forTests(data).withMaxPerAddress(2))) {
            int port = bbs.server().webPort();
            // One at a time: each connection's place is taken on its own event loop, so opened
            // together the third could be counted before the second.
            try (RawClient first = RawClient.connect(port)) {
                first.send(HEALTH);
                first.awaitText("\"status\":\"ok\"", WAIT);
                try (RawClient second = RawClient.connect(port)) {
                    second.send(HEALTH);
                    second.awaitText("\"status\":\"ok\"", WAIT);
                    try (RawClient third = RawClient.connect(port);
                         RawClient elsewhere = RawClient.connect("127.0.0.2", port)) {
                        third.send(HEALTH);
                        String refused = third.awaitText("at most", WAIT);
                        assertTrue(refused.startsWith("HTTP/1.1 429 "), refused);

                        elsewhere.send(HEALTH);
                        elsewhere.awaitText("\"status\":\"ok\"", WAIT);
                        first.send(HEALTH); // the two admitted connections go on
                        first.awaitText("uptime_s\":", WAIT);
                    }
                }
            }
        }
    }

    @Test
    void behindATrustedProxyEachForwardedClientIsCountedNotTheProxy() {
        ServerConfig config = ServerConfig.forTests(data).withMaxPerAddress(1);
        config = config.toBuilder().trustProxy(true).build();
        try (TestServer bbs = TestServer.start(config)) {
            int port = bbs.server().webPort();
            String forAlice = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: 203.0.113.1\r\n\r\n";
            String forBob = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: 203.0.113.2\r\n\r\n";
            try (RawClient alice = RawClient.connect(port)) {
                alice.send(forAlice);
                alice.awaitText("\"status\":\"ok\"", WAIT);
                try (RawClient bob = RawClient.connect(port)) {
                    bob.send(forBob);
                    bob.awaitText("\"status\":\"ok\"", WAIT);
                    try (RawClient aliceAgain = RawClient.connect(port)) {
                        aliceAgain.send(forAlice);
                        assertTrue(aliceAgain.awaitText("at most", WAIT).startsWith("HTTP/1.1 429 "));
                    }
                }
            }
        }
    }
}
