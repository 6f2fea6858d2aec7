package dev.carrier.server;

import static dev.carrier.server.MailSteps.register;
import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --log-format json} on a real server process: every log line is one JSON object, each
 * connection event says node, handle, transport and address, and no password or token that went
 * through the server, right or wrong, appears anywhere in what it printed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LogSafetyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void jsonLogsNameConnectionsAndNeverAPasswordOrToken() throws Exception {
        List<String> secrets = new ArrayList<>(List.of("secret-alice", "Wr0ng-Pass#word", "my$ecret!pass",
                "guessed-admin-token-1234", "not-a-real-token-5678"));
        String output;
        try (ChildServer server = ChildServer.start(data, "--log-format", "json")) {
            TelnetTestClient alice = TelnetTestClient.connect("127.0.0.1", server.telnetPort());
            register(alice, "alice");
            alice.close();

            TelnetTestClient caller = TelnetTestClient.connect("127.0.0.1", server.telnetPort());
            caller.awaitText("login: ", WAIT);
            caller.sendLine("alice");
            caller.awaitText("password: ", WAIT);
            caller.sendLine("Wr0ng-Pass#word");
            caller.awaitText("Login incorrect.", WAIT);
            caller.awaitText("login: ", WAIT);
            caller.sendLine("my$ecret!pass"); // a password typed at the login prompt
            caller.awaitText("password: ", WAIT);
            caller.sendLine("secret-alice");
            caller.awaitText("Login incorrect.", WAIT);
            caller.awaitText("login: ", WAIT);
            TestServer.login(caller, "alice", "secret-alice");

            RawHttp.Answer rest = RawHttp.login("127.0.0.1", server.webPort(), "alice", "secret-alice");
            assertEquals(200, rest.status(), rest.body());
            String token = JSON.readTree(rest.body()).get("token").asText();
            secrets.add(token);
            assertEquals(200, RawHttp.get("127.0.0.1", server.webPort(), "/api/presence",
                    "Authorization: Bearer " + token + "\r\n").status());
            assertEquals(401, RawHttp.get("127.0.0.1", server.webPort(), "/api/presence",
                    "Authorization: Bearer not-a-real-token-5678\r\n").status());
            assertEquals(401, RawHttp.login("127.0.0.1", server.webPort(), "alice", "Wr0ng-Pass#word").status());

            JsonNode admin = JSON.readTree(Files.readAllBytes(data.resolve("admin.json")));
            secrets.add(admin.get("token").asText());
            assertEquals(401, RawHttp.post("127.0.0.1", admin.get("port").asInt(), "/v1/who", "{}").status());
            RawHttp.Answer guessed = RawHttp.send("127.0.0.1", admin.get("port").asInt(), "POST /v1/who",
                    "Authorization: Bearer guessed-admin-token-1234\r\n", new byte[0]);
            assertEquals(401, guessed.status());
            caller.close();

            server.terminate();
            assertEquals(0, server.awaitExit(ServeCommand.STOP_BOUND));
            output = server.output();
        }

        for (String secret : secrets) assertFalse(output.contains(secret), "logged: " + secret);

        List<Map<String, String>> connectionEvents = new ArrayList<>();
        int jsonLines = 0;
        for (String line : output.lines().toList()) {
            if (!line.startsWith("{")) continue;
            JsonNode event = JSON.readTree(line); // fails the test if a log line is not one JSON object
            jsonLines++;
            assertTrue(event.hasNonNull("level") && event.hasNonNull("loggerName") && event.hasNonNull("timestamp"), line);
            Map<String, String> pairs = keyValues(event);
            if (pairs.containsKey("event")) connectionEvents.add(pairs);
        }
        assertTrue(jsonLines > 5, output);
        assertTrue(connectionEvents.contains(Map.of("event", "login", "node", "1", "handle", "alice",
                "transport", "telnet", "address", connectionEvents.get(0).get("address"))), connectionEvents.toString());
        assertTrue(connectionEvents.stream().anyMatch(e -> e.get("event").equals("connect")), connectionEvents.toString());
        assertTrue(connectionEvents.stream().anyMatch(e -> e.get("event").equals("disconnect")
                && e.get("handle").equals("alice")), connectionEvents.toString());
        assertTrue(connectionEvents.get(0).get("address").startsWith("127.0.0.1"), connectionEvents.toString());
    }

    /** Logback's JSON encoder writes an event's key-value pairs as a list of one-entry objects. */
    private static Map<String, String> keyValues(JsonNode event) {
        Map<String, String> pairs = new HashMap<>();
        JsonNode list = event.path("kvpList");
        for (JsonNode pair : list) pair.fields().forEachRemaining(field -> pairs.put(field.getKey(), field.getValue().asText()));
        return pairs;
    }
}
