package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sysop dashboard's REST side, every answer checked against PROTOCOL.md's OpenAPI document:
 * a sysop's own token only, the flag read at each request, kicks audited under the sysop's name.
 */
class SysopApiTest {

    @TempDir
    Path data;

    private static void assertError(JsonClient.Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals(code, answer.body().path("error").path("code").asText(), answer.toString());
    }

    @Test
    void onlyASysopsTokenReadsTheDashboardAndTheFlagIsReadAtEachRequest() {
        try (TestServer bbs = TestServer.start(data)) {
            bbs.createUser("sue", "secret-sue");
            bbs.createUser("bob", "secret-bob");
            JsonClient sue = JsonClient.login(bbs.webOrigin(), "sue", "secret-sue");
            JsonClient bob = JsonClient.login(bbs.webOrigin(), "bob", "secret-bob");

            assertError(JsonClient.withToken(bbs.webOrigin(), null).get("/api/sysop/dashboard"), 401, "no_token");
            assertError(sue.get("/api/sysop/dashboard"), 403, "not_sysop");
            Cli.run(data, "user", "sysop", "sue").succeeded();
            JsonClient.Answer dashboard = sue.get("/api/sysop/dashboard");
            assertEquals(200, dashboard.status(), dashboard.toString());
            assertError(bob.get("/api/sysop/dashboard"), 403, "not_sysop");
            assertError(bob.post("/api/sysop/kick", JsonClient.body()), 400, "missing_field");
        }
    }

    @Test
    void theDashboardShowsCallersTheLastHourAndTheAuditAndAKickIsAuditedUnderTheSysop() {
        try (TestServer bbs = TestServer.start(data)) {
            bbs.createUser("sue", "secret-sue");
            Cli.run(data, "user", "sysop", "sue").succeeded();
            bbs.createUser("bob", "secret-bob");
            TelnetTestClient bob = TestServer.enterChat(bbs.login("bob", "secret-bob"));
            bob.sendLine("hello");
            bob.awaitText("<bob> hello", WAIT);
            JsonClient sue = JsonClient.login(bbs.webOrigin(), "sue", "secret-sue");

            JsonNode desk = sue.get("/api/sysop/dashboard").body();
            assertEquals(1, desk.path("nodes").size(), desk.toString());
            JsonNode node = desk.path("nodes").get(0);
            assertEquals("bob", node.path("handle").asText());
            assertEquals("telnet", node.path("transport").asText());
            assertEquals(1, desk.path("status").path("nodesInUse").asInt());
            JsonNode hour = desk.path("lastHour");
            assertEquals(60, hour.path("minutes").size());
            assertEquals(1, hour.path("callers").get(59).asInt());
            int said = 0;
            for (JsonNode minute : hour.path("messages")) said += minute.asInt();
            assertEquals(1, said);

            assertError(sue.post("/api/sysop/kick", JsonClient.body()), 400, "missing_field");
            JsonClient.Answer nobody = JsonClient.post(bbs.webOrigin(), "/api/sysop/kick", sue.token(),
                    JsonClient.JSON.createObjectNode().put("node", 9));
            assertError(nobody, 404, "no_such_node");
            JsonClient.Answer kicked = JsonClient.post(bbs.webOrigin(), "/api/sysop/kick", sue.token(),
                    JsonClient.JSON.createObjectNode().put("node", node.path("node").asInt()));
            assertEquals(200, kicked.status(), kicked.toString());
            assertEquals(1, kicked.body().path("nodes").get(0).asInt());
            assertTrue(bob.awaitClosed(WAIT), bob.transcript());

            JsonNode audit = sue.get("/api/sysop/dashboard").body().path("audit");
            JsonNode last = audit.get(audit.size() - 1);
            assertEquals("web:sue", last.path("actor").asText());
            assertEquals("kick", last.path("action").asText());
        }
    }
}
