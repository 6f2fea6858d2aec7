package dev.carrier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The documents the server serves are valid, and the OpenAPI one lists exactly the routes there are. */
class ApiDocumentsTest {

    private final ApiDocuments documents = ApiDocuments.load();

    /** Routes answered outside ApiRouter's table that the OpenAPI document describes too. */
    private static final Set<String> OUTSIDE_THE_API = Set.of("GET /health");

    @Test
    void theOpenApiDocumentIsValidOpenApi31() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(documents.openApi().toString(), null, options);
        assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages());
        OpenAPI api = result.getOpenAPI();
        assertEquals("3.1.0", api.getOpenapi());
        assertTrue(api.getSpecVersion().name().contains("31"), api.getSpecVersion().toString());
    }

    @Test
    void everyRouteIsInTheOpenApiDocumentAndTheOtherWayRound() {
        Set<String> documented = new TreeSet<>();
        documents.openApi().path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
        Set<String> routed = new TreeSet<>(new ApiRouter(null, java.util.Optional.empty()).endpoints());
        routed.addAll(OUTSIDE_THE_API);
        assertEquals(routed, documented);
    }

    @Test
    void theEventSchemasLoadAndEveryExampleFitsItsFrame() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of("urn:carrier:events", documents.eventSchemas().toString())));
        List<String> problems = new ArrayList<>();
        int examples = 0;
        for (var def = documents.eventSchemas().path("$defs").fields(); def.hasNext(); ) {
            Map.Entry<String, JsonNode> frame = def.next();
            if (!frame.getKey().startsWith("server.") && !frame.getKey().startsWith("client.")) continue;
            assertTrue(frame.getValue().path("examples").size() > 0, frame.getKey() + " has no example");
            for (JsonNode example : frame.getValue().path("examples")) {
                examples++;
                List<Error> errors = registry.getSchema(SchemaLocation.of("urn:carrier:events#/$defs/" + frame.getKey()))
                        .validate(example.toString(), InputFormat.JSON);
                if (!errors.isEmpty()) problems.add(frame.getKey() + ": " + errors);
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(22, examples, "one example per frame (12 from the server, 8 from clients), and a second"
                + " for presence going offline and for a keepalive with a beacon");
    }
}
