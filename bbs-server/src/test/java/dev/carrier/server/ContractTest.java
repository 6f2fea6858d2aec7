package dev.carrier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks the test clients run are real: they refuse what breaks PROTOCOL.md's documents, and
 * the server serves those same documents and announces its protocol version.
 */
class ContractTest {

    @TempDir
    Path data;

    private static final String MESSAGE = "{\"event\":\"new_message\",\"data\":{\"msg_id\":"
            + "\"0b7e5a8e-3c1f-4d3a-9a55-2f0c1d6e9b10\",\"from\":\"bob\",\"to\":\"alice\",\"text\":\"hi\","
            + "\"timestamp\":\"2026-01-31T12:00:00.123Z\",\"direction\":\"received\",\"delivered\":true,"
            + "\"delivery_method\":\"direct\"}}";

    @Test
    void aFrameAsDocumentedPassesAndARenamedFieldFails() {
        assertEquals(Optional.empty(), Contract.SERVER.serverFrameProblem(MESSAGE));
        assertTrue(Contract.SERVER.serverFrameProblem(MESSAGE.replace("\"msg_id\"", "\"id\"")).isPresent());
        assertTrue(Contract.SERVER.serverFrameProblem(MESSAGE.replace("\"direct\"", "\"live\"")).isPresent());
        assertTrue(Contract.SERVER.serverFrameProblem("{\"event\":\"surprise\",\"data\":{}}").isPresent());
    }

    @Test
    void clientFramesTheServerRefusesAreRefusedByTheSchemaToo() {
        assertEquals(Optional.empty(), Contract.SERVER.clientFrameProblem("{\"event\":\"keepalive\"}"));
        assertEquals(Optional.empty(),
                Contract.SERVER.clientFrameProblem("{\"event\":\"set_status\",\"data\":{\"status\":\"dnd\"}}"));
        assertTrue(Contract.SERVER.clientFrameProblem("{\"event\":\"set_status\",\"data\":{\"status\":\"offline\"}}")
                .isPresent());
        assertTrue(Contract.SERVER.clientFrameProblem("{\"event\":\"chat_say\",\"data\":{\"text\":\"   \"}}").isPresent());
    }

    @Test
    void aRestAnswerOutsideItsSchemaOrStatusListFails() {
        assertEquals(Optional.empty(), Contract.SERVER.answerProblem("POST", "/api/login", 200, "{\"token\":\"abc\"}"));
        assertTrue(Contract.SERVER.answerProblem("POST", "/api/login", 200, "{\"access_token\":\"abc\"}").isPresent());
        assertTrue(Contract.SERVER.answerProblem("POST", "/api/login", 401, "{\"code\":\"x\"}").isPresent());
        assertTrue(Contract.SERVER.answerProblem("GET", "/health", 500, "{}").isPresent());
        assertTrue(Contract.SERVER.answerProblem("GET", "/api/undocumented", 200, "{}").isPresent());
        assertEquals(Optional.empty(), Contract.SERVER.answerProblem("GET", "/api/undocumented", 404,
                "{\"error\":{\"code\":\"not_found\",\"message\":\"no API here\"}}"));
    }

    @Test
    void theServerServesTheDocumentsAndItsProtocolVersion() {
        try (TestServer bbs = TestServer.start(data)) {
            JsonClient alice = bbs.json("alice");
            JsonClient.Answer openApi = alice.get("/api/openapi.json");
            assertEquals(200, openApi.status());
            assertEquals(Contract.SERVER.openApi(), openApi.body());
            JsonClient.Answer schemas = alice.get("/api/events.schema.json");
            assertEquals(200, schemas.status());
            assertTrue(schemas.body().path("$defs").has("server.hello"), schemas.body().toString());

            JsonClient.Answer health = alice.get("/health");
            String version = health.body().path("protocol_version").asText();
            assertEquals(openApi.body().path("info").path("version").asText(), version);
            JsonNode hello = alice.connect().await("hello");
            assertEquals(version, hello.path("protocol_version").asText());
            assertEquals("alice", hello.path("username").asText());
        }
    }
}
