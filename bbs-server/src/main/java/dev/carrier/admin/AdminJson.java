package dev.carrier.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.carrier.json.Json;

/**
 * How the admin connection writes what it answers (results, the feed, {@code admin.json}): the
 * shared mapper, with null fields left out. A reader takes an absent field as null, so this only
 * keeps the lines short.
 */
final class AdminJson {

    private static final ObjectWriter WITHOUT_NULLS = Json.MAPPER.writer()
            .without(JsonNodeFeature.WRITE_NULL_PROPERTIES);

    private AdminJson() {}

    static byte[] write(Object value) throws JsonProcessingException {
        return WITHOUT_NULLS.writeValueAsBytes(Json.MAPPER.valueToTree(value));
    }
}
