package dev.carrier.server;

import static dev.carrier.server.TestServer.eventually;
import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the web lets in: origins, frame and request sizes, connections per address, proxies. */
class WebGuardRailsTest {

    @TempDir
    Path data;

    @Test
    void aPageFromAnotherOriginIsRefusedAndTheServerGoesOn() {
        try (TestServer bbs = TestServer.start(data)) {
            WebSocketTestClient.Refused refused = assertThrows(WebSocketTestClient.Refused.class,
                    () -> WebSocketTestClient.terminal(bbs.webUri("/terminal"), Map.of("Origin", "http://evil.example")));
            assertEquals(403, refused.status);
            refused = assertThrows(WebSocketTestClient.Refused.class,
                    () -> WebSocketTestClient.terminal(bbs.webUri("/terminal"), Map.of("Origin", "null")));
            assertEquals(403, refused.status, "a sandboxed or file page is another origin too");
            bbs.browse(); // its own page still connects
        }
    }

    @Test
    void allowedOriginsWidenTheSameOriginRule() {
        ServerConfig config = ServerConfig.forTests(data);
        config = config.toBuilder().allowedOrigins(List.of("https://bbs.example.org/")).build();
        try (TestServer bbs = TestServer.start(config)) {
            bbs.track(WebSocketTestClient.terminal(bbs.webUri("/terminal"), Map.of("Origin", "https://BBS.example.org")))
                    .awaitText("login: ");
            assertThrows(WebSocketTestClient.Refused.class,
                    () -> WebSocketTestClient.terminal(bbs.webUri("/terminal"), Map.of("Origin", "https://other.example.org")));
        }
    }

    @Test
    void aProgramThatSendsNoOriginMayConnect() {
        try (TestServer bbs = TestServer.start(data)) {
            bbs.track(WebSocketTestClient.terminal(bbs.webUri("/terminal"), Map.of())).awaitText("login: ");
        }
    }

    @Test
    void aFrameOverSixtyFourKibibytesClosesThatConnectionWith1009() {
        try (TestServer bbs = TestServer.start(data)) {
            WebSocketTestClient greedy = bbs.browse();
            greedy.sendBytesRegardless(new byte[64 * 1024 + 1]);
            assertEquals(1009, greedy.awaitClose());
            WebSocketTestClient fine = bbs.browse();
            fine.sendBytes(("x".repeat(1000) + "\r").getBytes(StandardCharsets.US_ASCII)); // large but allowed
            fine.awaitText("password: "); // a handle, if an odd one
        }
    }

    @Test
    void theLimitPerAddressCountsTelnetAndWebTogether() {
        try (TestServer bbs = TestServer.start(ServerConfig.forTests(data).withMaxPerAddress(2))) {
            TelnetTestClient telnet = bbs.call();
            bbs.browse();

            WebSocketTestClient.Refused refused = assertThrows(WebSocketTestClient.Refused.class, () -> WebSocketTestClient
                    .terminal(bbs.webUri("/terminal"), Map.of("Origin", bbs.webOrigin())));
            assertEquals(429, refused.status);
            TelnetTestClient third = bbs.connect(true);
            third.awaitText("Too many connections from your address (2 at most)", WAIT);
            assertTrue(third.awaitClosed(WAIT), "refused telnet is hung up on");

            telnet.close(); // its place is free again
            eventually().ignoreException(WebSocketTestClient.Refused.class).until(() -> bbs.browse() != null);
        }
    }

    @Test
    void badRequestsGetAStatusThatSaysWhatWasWrongAndTheServerGoesOn() {
        try (TestServer bbs = TestServer.start(data)) {
            int port = bbs.server().webPort();
            assertEquals(400, status(http(port, "NONSENSE\r\n\r\n")));
            assertEquals(414, status(http(port, "GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n")));
            assertEquals(431, status(http(port, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(9000) + "\r\n\r\n")));
            assertEquals(413, status(http(port, "POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n"
                    + "Connection: close\r\n\r\n")));
            assertEquals(405, status(http(port, "DELETE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")));
            assertEquals(426, status(http(port, "GET /terminal HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")));
            assertEquals(404, status(http(port, "GET /nothing-here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")));
            String health = http(port, "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertEquals(200, status(health));
            assertTrue(health.contains("\"status\":\"ok\""), health);
        }
    }

    @Test
    void theClientAddressComesFromProxyHeadersOnlyWhenTheProxyIsTrusted() {
        Map<String, String> forwarded = Map.of("X-Forwarded-For", "198.51.100.9, 203.0.113.7");
        try (TestServer bbs = TestServer.start(data.resolve("untrusting"))) {
            bbs.track(WebSocketTestClient.terminal(bbs.webUri("/terminal"), forwarded)).awaitText("login: ");
            assertEquals("127.0.0.1", onlyAddress(bbs), "headers are anyone's to send");
        }
        ServerConfig trusting = ServerConfig.forTests(data.resolve("trusting"));
        trusting = trusting.toBuilder().trustProxy(true).build();
        try (TestServer bbs = TestServer.start(trusting)) {
            WebSocketTestClient first = bbs.track(WebSocketTestClient.terminal(bbs.webUri("/terminal"), forwarded));
            first.awaitText("login: ");
            assertEquals("203.0.113.7", onlyAddress(bbs), "the entry the proxy added, not the client's own");
        }
        ServerConfig realIp = ServerConfig.forTests(data.resolve("real-ip"));
        realIp = realIp.toBuilder().proxy(true, List.of("127.0.0.1", "::1"), "X-Real-IP").build();
        try (TestServer bbs = TestServer.start(realIp)) { // only the one named header counts
            bbs.track(WebSocketTestClient.terminal(bbs.webUri("/terminal"), Map.of("X-Real-IP", "2001:db8::5")))
                    .awaitText("login: ");
            assertEquals("2001:db8::5", onlyAddress(bbs));
        }
    }

    private static String onlyAddress(TestServer bbs) {
        var nodes = bbs.server().nodes().snapshot();
        assertEquals(1, nodes.size(), nodes.toString());
        return nodes.get(0).remoteAddress();
    }

    /** Sends a raw request and reads the answer until the server closes or goes quiet. */
    static String http(int port, String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) answer.write(buffer, 0, n);
            } catch (SocketTimeoutException | java.net.SocketException quietOrReset) {
                // what arrived is the answer
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int status(String response) {
        assertTrue(response.startsWith("HTTP/1.1 "), "not an HTTP answer: " + response);
        return Integer.parseInt(response.substring(9, 12));
    }
}
