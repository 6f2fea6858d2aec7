package dev.carrier.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET / and its files, from the classpath, with caching and compression; GET /health. */
class WebPageTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void thePageLoadsXtermFromTheServerWithTaggedAddresses() throws Exception {
        try (TestServer bbs = TestServer.start(data)) {
            HttpResponse<String> page = get(bbs, "/");
            assertEquals(200, page.statusCode());
            assertEquals("text/html; charset=utf-8", page.headers().firstValue("content-type").orElseThrow());
            assertEquals("no-cache", page.headers().firstValue("cache-control").orElseThrow(), "the page is always revalidated");
            assertTrue(page.headers().firstValue("content-security-policy").orElseThrow().contains("default-src 'self'"));
            assertTrue(page.body().contains("id=\"terminal\""), page.body());

            Matcher script = Pattern.compile("src=\"(vendor/xterm\\.js\\?v=[A-Za-z0-9_-]+)\"").matcher(page.body());
            assertTrue(script.find(), "xterm.js is served here, with its tag: " + page.body());
            HttpResponse<String> xterm = get(bbs, "/" + script.group(1));
            assertEquals(200, xterm.statusCode());
            assertTrue(xterm.headers().firstValue("content-type").orElseThrow().startsWith("text/javascript"));
            assertEquals("public, max-age=31536000, immutable", xterm.headers().firstValue("cache-control").orElseThrow());
            assertTrue(xterm.body().contains("Terminal"), "looks like xterm.js");
            for (String file : new String[] {"/vendor/xterm.css", "/vendor/xterm-addon-fit.js", "/terminal.js", "/terminal.css"}) {
                assertEquals(200, get(bbs, file).statusCode(), file);
            }
        }
    }

    @Test
    void filesAreGzippedForBrowsersThatSayTheyTakeIt() throws Exception {
        try (TestServer bbs = TestServer.start(data)) {
            HttpResponse<byte[]> plain = getBytes(bbs, "/vendor/xterm.js", null);
            HttpResponse<byte[]> zipped = getBytes(bbs, "/vendor/xterm.js", "gzip, deflate, br");
            assertEquals("gzip", zipped.headers().firstValue("content-encoding").orElseThrow());
            assertEquals("accept-encoding", zipped.headers().firstValue("vary").orElseThrow().toLowerCase());
            assertTrue(zipped.body().length < plain.body().length / 2, "xterm.js shrinks a lot");
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
                assertArrayEquals(plain.body(), in.readAllBytes());
            }
        }
    }

    @Test
    void anUnchangedFileIsAnsweredWith304() throws Exception {
        try (TestServer bbs = TestServer.start(data)) {
            HttpResponse<String> first = get(bbs, "/");
            String etag = first.headers().firstValue("etag").orElseThrow();
            HttpResponse<String> again = http.send(HttpRequest.newBuilder(uri(bbs, "/"))
                    .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(304, again.statusCode());
            assertEquals("", again.body());
        }
    }

    @Test
    void healthSaysOkWithTheNodesInUseAndTheUptime() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (TestServer bbs = TestServer.start(data)) {
            HttpResponse<String> before = get(bbs, "/health");
            assertEquals(200, before.statusCode());
            assertEquals("application/json", before.headers().firstValue("content-type").orElseThrow());
            JsonNode health = json.readTree(before.body());
            assertEquals("ok", health.get("status").asText());
            assertEquals(0, health.get("nodes").asInt());
            assertTrue(health.get("uptime_s").isIntegralNumber() && health.get("uptime_s").asLong() >= 0, before.body());

            bbs.browse();
            bbs.call();
            assertEquals(2, json.readTree(get(bbs, "/health").body()).get("nodes").asInt());
        }
    }

    @Test
    void webPortZeroTurnsTheWebOff() {
        ServerConfig config = ServerConfig.forTests(data);
        try (TestServer bbs = TestServer.start(config.toBuilder().webPort(Port.off()).build())) {
            assertThrows(IllegalStateException.class, () -> bbs.server().webPort());
            bbs.call(); // telnet goes on
        }
    }

    @Test
    void aTakenWebPortStopsStartUpSayingWhich() {
        try (TestServer first = TestServer.start(data.resolve("first"))) {
            int taken = first.server().webPort();
            ServerConfig second = ServerConfig.forTests(data.resolve("second"));
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> CarrierServer.start(second.toBuilder().webPort(Port.of(taken)).build()));
            assertTrue(e.getMessage().contains("web") && e.getMessage().contains(":" + taken), e.getMessage());
        }
    }

    private static URI uri(TestServer bbs, String path) {
        return URI.create("http://127.0.0.1:" + bbs.server().webPort() + path);
    }

    private HttpResponse<String> get(TestServer bbs, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(bbs, path)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> getBytes(TestServer bbs, String path, String acceptEncoding)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(bbs, path));
        if (acceptEncoding != null) request.header("Accept-Encoding", acceptEncoding);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
