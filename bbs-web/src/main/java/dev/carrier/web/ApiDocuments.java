package dev.carrier.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The machine-readable contract that PROTOCOL.md describes, as the server serves it: the OpenAPI
 * document of the REST routes and the JSON Schemas of the {@code /events} frames. Read from the
 * classpath once, at start-up, and never changed.
 *
 * @param openApi      {@code GET /api/openapi.json}
 * @param eventSchemas {@code GET /api/events.schema.json}
 */
record ApiDocuments(JsonNode openApi, JsonNode eventSchemas) {

    static final String OPENAPI = "dev/carrier/web/api/openapi.json";
    static final String EVENT_SCHEMAS = "dev/carrier/web/api/events.schema.json";

    static ApiDocuments load() {
        return new ApiDocuments(read(OPENAPI), read(EVENT_SCHEMAS));
    }

    private static JsonNode read(String name) {
        try (InputStream in = ApiDocuments.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the program; rebuild it");
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the program; rebuild it", e);
        }
    }
}
