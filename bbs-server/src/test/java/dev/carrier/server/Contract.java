package dev.carrier.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * PROTOCOL.md's machine-readable documents, as the server ships them, turned into checks: a REST
 * answer against the OpenAPI document's schema for its route and status, an {@code /events}
 * frame against the event schema of its name and direction. The test clients run every answer
 * and frame they receive through here, so a field renamed in the code without the documents fails
 * the test that saw it.
 *
 * <p>One instance, loaded once; the schema registry caches what it has read and is safe to share.
 */
final class Contract {

    static final Contract SERVER = load();

    private static final String OPENAPI = "urn:carrier:openapi";
    private static final String EVENTS = "urn:carrier:events";

    private final JsonNode openApi;
    private final JsonNode events;
    private final SchemaRegistry registry;
    private final ObjectMapper json = new ObjectMapper();

    private Contract(String openApiText, String eventsText) {
        try {
            this.openApi = json.readTree(openApiText);
            this.events = json.readTree(eventsText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The documents are known by their own ids only: nothing is ever fetched.
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(OPENAPI, openApiText, EVENTS, eventsText)));
    }

    private static Contract load() {
        return new Contract(resource("dev/carrier/web/api/openapi.json"), resource("dev/carrier/web/api/events.schema.json"));
    }

    private static String resource(String name) {
        try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is not on the classpath: is bbs-web built?");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode openApi() {
        return openApi;
    }

    // ---- REST ----

    /** The document's name for a path: a {@code {name}} segment of a listed path takes any one segment. */
    private String listed(String path) {
        String[] wanted = path.split("/");
        for (var listed = openApi.path("paths").fields(); listed.hasNext(); ) {
            var entry = listed.next();
            String[] template = entry.getKey().split("/");
            boolean same = template.length == wanted.length;
            for (int i = 0; same && i < template.length; i++) {
                same = template[i].startsWith("{") || template[i].equals(wanted[i]);
            }
            if (same) return entry.getKey();
        }
        return path;
    }

    /**
     * What is wrong with this answer to {@code method path}, if anything. A path the document does
     * not list must be a 404, a method it does not list a 405, and both must carry the error body.
     */
    Optional<String> answerProblem(String method, String path, int status, String body) {
        String listed = listed(path);
        JsonNode operations = openApi.path("paths").path(listed);
        if (operations.isMissingNode()) {
            if (status != 404) return Optional.of(path + " is not in the OpenAPI document but answered " + status);
            return problems("#/components/schemas/Error", OPENAPI, body, method + " " + path + " 404");
        }
        String verb = method.toLowerCase(Locale.ROOT);
        if (operations.path(verb).isMissingNode()) {
            if (status != 405) return Optional.of(method + " " + path + " is not in the OpenAPI document but answered " + status);
            return problems("#/components/schemas/Error", OPENAPI, body, method + " " + path + " 405");
        }
        JsonNode responses = operations.path(verb).path("responses");
        String key = responses.has(String.valueOf(status)) ? String.valueOf(status) : "default";
        if (!responses.has(key)) {
            return Optional.of(method + " " + path + " answered " + status + ", which the OpenAPI document does not list");
        }
        if (!responses.path(key).path("content").has("application/json")) {
            return Optional.of(method + " " + path + " " + key + " has no application/json schema in the OpenAPI document");
        }
        String pointer = "#/paths/" + escape(listed) + "/" + verb + "/responses/" + key + "/content/application~1json/schema";
        return problems(pointer, OPENAPI, body, method + " " + path + " " + status);
    }

    // ---- /events ----

    /** What is wrong with a frame the server sent, if anything. */
    Optional<String> serverFrameProblem(String frame) {
        return frameProblem("server.", frame);
    }

    /** What is wrong with a frame a client sends, if anything: the frames the server accepts. */
    Optional<String> clientFrameProblem(String frame) {
        return frameProblem("client.", frame);
    }

    private Optional<String> frameProblem(String direction, String frame) {
        String event;
        try {
            event = json.readTree(frame).path("event").asText("");
        } catch (IOException e) {
            return Optional.of("not JSON: " + frame);
        }
        if (!events.path("$defs").has(direction + event)) {
            return Optional.of("no schema for the " + direction + event + " frame " + frame);
        }
        return problems("#/$defs/" + escape(direction + event), EVENTS, frame, direction + event);
    }

    // ---- validation ----

    private Optional<String> problems(String pointer, String document, String instance, String what) {
        Schema schema = registry.getSchema(SchemaLocation.of(document + pointer));
        List<Error> errors = schema.validate(instance, InputFormat.JSON);
        if (errors.isEmpty()) return Optional.empty();
        return Optional.of(what + " does not match its schema (" + document + pointer + "): "
                + errors.stream().map(Error::toString).collect(Collectors.joining("; ")) + "\n  in " + instance);
    }

    /** A JSON Pointer token: {@code /api/login} becomes {@code ~1api~1login}. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
