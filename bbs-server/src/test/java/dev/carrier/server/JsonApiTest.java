package dev.carrier.server;

import static dev.carrier.server.TestServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.runtime.ManualTime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** REST and token rules, and everything a client can get wrong. */
class JsonApiTest {

    @TempDir
    Path data;

    private static boolean named(JsonNode data, String field, String value) {
        return data.path(field).asText().equals(value);
    }

    private static void assertError(JsonClient.Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals(code, answer.body().path("error").path("code").asText(), answer.toString());
        assertTrue(!answer.body().path("error").path("message").asText().isBlank(), answer.toString());
    }

    @Test
    void loginGivesAnOpaqueTokenAndBadCredentialsGet401() {
        try (TestServer bbs = TestServer.start(data)) {
            bbs.createUser("alice", "secret1");
            JsonClient.Answer ok = JsonClient.post(bbs.webOrigin(), "/api/login", null,
                    JsonClient.body("handle", "alice", "password", "secret1"));
            assertEquals(200, ok.status());
            assertTrue(ok.body().path("token").asText().length() >= 43);
            assertError(JsonClient.post(bbs.webOrigin(), "/api/login", null,
                    JsonClient.body("handle", "alice", "password", "wrong!")), 401, "bad_credentials");
            assertError(JsonClient.post(bbs.webOrigin(), "/api/login", null,
                    JsonClient.body("handle", "nobody", "password", "wrong!")), 401, "bad_credentials");
        }
    }

    @Test
    void repeatedFailedLoginsAreThrottled() {
        try (TestServer bbs = TestServer.start(data)) {
            bbs.createUser("alice", "secret1");
            JsonClient.Answer last = null;
            // Five free failures per handle and address (LoginLimits), then a wait.
            for (int i = 0; i < 6; i++) {
                last = JsonClient.post(bbs.webOrigin(), "/api/login", null,
                        JsonClient.body("handle", "alice", "password", "guess" + i));
            }
            assertError(last, 429, "slow_down");
        }
    }

    @Test
    void noExpiredOrRevokedTokenGets401() {
        ManualTime time = new ManualTime();
        try (TestServer bbs = TestServer.start(ServerConfig.forTests(data).withTime(time))) {
            assertError(JsonClient.withToken(bbs.webOrigin(), null).get("/api/presence"), 401, "no_token");
            assertError(JsonClient.withToken(bbs.webOrigin(), "made-up").get("/api/presence"), 401, "bad_token");

            JsonClient alice = bbs.json("alice");
            assertEquals(200, alice.get("/api/presence").status());
            time.advance(ServerConfig.DEFAULT_TOKEN_TTL.plusSeconds(1));
            assertError(alice.get("/api/presence"), 401, "bad_token");

            JsonClient again = bbs.json("alice");
            assertEquals(200, again.post("/api/logout", JsonClient.body()).status());
            assertError(again.get("/api/presence"), 401, "bad_token");
            assertEquals(401, upgradeStatus(bbs, again.token()));
            assertEquals(401, upgradeStatus(bbs, null));
        }
    }

    /** The status a refused /events upgrade answers with. */
    private static int upgradeStatus(TestServer bbs, String token) {
        try {
            WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
            if (token != null) builder.header("Authorization", "Bearer " + token);
            builder.buildAsync(URI.create(bbs.webOrigin().replace("http", "ws") + "/events"),
                    new WebSocket.Listener() { }).get(TestServer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return 101;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
                HttpResponse<?> response = refused.getResponse();
                return response.statusCode();
            }
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aPasswordChangeOrBanEndsTheTokens() {
        try (TestServer bbs = TestServer.start(data)) {
            JsonClient alice = bbs.json("alice");
            long id = bbs.server().users().find("alice").orElseThrow().id();
            bbs.server().users().setBanned(id, true);
            assertError(alice.get("/api/presence"), 401, "bad_token");
            assertError(JsonClient.post(bbs.webOrigin(), "/api/login", null,
                    JsonClient.body("handle", "alice", "password", "secret-alice")), 403, "banned");
        }
    }

    @Test
    void presenceListsEveryoneOnlineAndPostSetsOwnStatus() {
        try (TestServer bbs = TestServer.start(data)) {
            bbs.register("bob", "secret-bob");
            JsonClient alice = bbs.json("alice");
            assertError(alice.post("/api/presence", JsonClient.body("status", "away")), 409, "not_online");
            alice.connect();
            alice.await("presence", d -> named(d, "username", "alice"));
            assertEquals(200, alice.post("/api/presence", JsonClient.body("status", "away")).status());
            JsonNode list = alice.get("/api/presence").body();
            assertEquals(2, list.size());
            JsonNode me = list.get(0);
            assertEquals("alice", me.path("username").asText());
            assertEquals("alice", me.path("display_name").asText());
            assertEquals("away", me.path("status").asText());
            assertTrue(me.has("idle_seconds"));
            assertEquals("online", list.get(1).path("status").asText());
            assertError(alice.post("/api/presence", JsonClient.body("status", "sleeping")), 400, "bad_field");
        }
    }

    @Test
    void typingByRestReachesTheTargetsEventsConnection() {
        try (TestServer bbs = TestServer.start(data)) {
            JsonClient bob = bbs.json("bob").connect();
            JsonClient alice = bbs.json("alice");
            assertEquals(200, alice.post("/api/typing", JsonClient.body("to", "bob")).status());
            bob.await("typing", d -> named(d, "username", "alice") && d.path("typing").asBoolean());
        }
    }

    @Test
    void typingFromAVanishedSenderIsClearedWithinFiveSeconds() {
        ManualTime time = new ManualTime();
        try (TestServer bbs = TestServer.start(ServerConfig.forTests(data).withTime(time))) {
            JsonClient bob = bbs.json("bob").connect();
            JsonClient alice = bbs.json("alice").connect();
            alice.send("typing", JsonClient.body("to", "bob").put("typing", true));
            bob.await("typing", d -> d.path("typing").asBoolean());
            alice.abort();
            time.advance(Duration.ofSeconds(5));
            bob.await("typing", d -> named(d, "username", "alice") && !d.path("typing").asBoolean());
        }
    }

    @Test
    void everyBadFrameGetsAnErrorAndNothingIsStored() {
        try (TestServer bbs = TestServer.start(data)) {
            JsonClient bob = bbs.json("bob").connect();
            JsonClient alice = bbs.json("alice").connect();
            alice.sendRaw("{this is not json");
            alice.await("error", d -> named(d, "code", "bad_json"));
            alice.sendRaw("[1,2,3]");
            alice.await("error", d -> named(d, "code", "bad_request"));
            alice.sendRaw("{\"event\":\"fly\",\"data\":{}}");
            alice.await("error", d -> named(d, "code", "unknown_event") && d.path("message").asText().contains("fly"));
            alice.sendInvalid("send_message", JsonClient.body("text", "to nobody"));
            alice.await("error", d -> d.path("message").asText().contains("data.to is required"));
            alice.sendInvalid("send_message", JsonClient.body("to", "bob").put("text", 42));
            alice.await("error", d -> d.path("message").asText().contains("data.text must be a string"));
            alice.sendInvalid("send_message", JsonClient.body("to", "bob", "text", "x".repeat(2001)));
            alice.await("error", d -> named(d, "code", "too_long"));
            alice.send("send_message", JsonClient.body("to", "ghost", "text", "hello?"));
            alice.await("error", d -> named(d, "code", "no_such_user"));
            alice.sendInvalid("mark_read", JsonClient.body("peer", "bob", "msg_id", "not-a-uuid"));
            alice.await("error", d -> d.path("message").asText().contains("data.msg_id"));
            alice.sendInvalid("typing", JsonClient.body("to", "bob", "typing", "maybe"));
            alice.await("error", d -> d.path("message").asText().contains("data.typing must be true or false"));

            alice.send("send_message", JsonClient.body("to", "bob", "text", "still here"));
            bob.await("new_message", d -> named(d, "text", "still here"));
            JsonNode history = alice.get("/api/messages?peer=bob").body();
            assertEquals(1, history.size(), history.toString());

            assertError(JsonClient.sendRaw(bbs.webOrigin(), "/api/login", null, "{not json"), 400, "bad_json");
            assertError(JsonClient.post(bbs.webOrigin(), "/api/login", null, JsonClient.body("handle", "x")),
                    400, "missing_field");
            assertError(alice.get("/api/messages"), 400, "missing_field");
            assertError(alice.get("/api/messages?peer=bob&limit=9999"), 400, "bad_field");
            assertError(alice.get("/api/nothing-here"), 404, "not_found");
            assertError(alice.get("/api/login"), 405, "method_not_allowed");
            assertEquals(200, JsonClient.withToken(bbs.webOrigin(), null).get("/health").status());
        }
    }

    @Test
    void aSilentConnectionIsReapedByThePingRule() throws Exception {
        ServerConfig config = ServerConfig.forTests(data);
        config = config.toBuilder().pings(Duration.ofMillis(100), Duration.ofMillis(300)).build();
        try (TestServer bbs = TestServer.start(config)) {
            JsonClient alice = bbs.json("alice");
            try (java.net.Socket silent = new java.net.Socket("127.0.0.1", bbs.server().webPort())) {
                silent.getOutputStream().write(("GET /events?token=" + alice.token() + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                eventually().alias("alice online").until(() -> bbs.server().presence().status("alice").wireName(),
                        "online"::equals);
                // It never answers a ping: within the timeout it is closed, and alice is offline again.
                eventually().alias("the silent connection reaped")
                        .until(() -> bbs.server().presence().status("alice").wireName(), "offline"::equals);
            }
        }
    }
}
