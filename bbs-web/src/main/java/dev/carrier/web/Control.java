package dev.carrier.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carrier.json.Json;

/**
 * The JSON of {@code /terminal}'s text frames. From the browser: {@code {"type":"resize","cols":C,"rows":R}}.
 * From the server: {@code {"type":"bell"}}, and {@code {"type":"error","message":...}} for a frame
 * it could not use (the connection stays up).
 */
final class Control {

    /** The largest window taken; larger reports are bogus, as over telnet's NAWS. */
    static final int MAX_DIMENSION = 1000;

    static final String BELL = "{\"type\":\"bell\"}";

    static final ObjectMapper JSON = Json.MAPPER;

    /** What a browser's text frame asked for. */
    sealed interface Message permits Resize, Invalid {}

    record Resize(int columns, int rows) implements Message {}

    /** A frame that was not JSON, or named no type the server knows; {@code reason} says which. */
    record Invalid(String reason) implements Message {}

    private Control() {}

    static Message parse(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return new Invalid("a control frame must be a JSON object such as {\"type\":\"resize\",\"cols\":80,\"rows\":24}");
        }
        if (node == null || !node.isObject()) {
            return new Invalid("a control frame must be a JSON object such as {\"type\":\"resize\",\"cols\":80,\"rows\":24}");
        }
        String type = node.path("type").asText("");
        if (type.equals("resize")) {
            JsonNode cols = node.get("cols");
            JsonNode rows = node.get("rows");
            if (!wholeNumber(cols) || !wholeNumber(rows) || cols.asInt() < 1 || rows.asInt() < 1) {
                return new Invalid("resize needs whole numbers cols and rows, 1 or more");
            }
            return new Resize(Math.min(cols.asInt(), MAX_DIMENSION), Math.min(rows.asInt(), MAX_DIMENSION));
        }
        return new Invalid("unknown control type \"" + clip(type) + "\"; the server understands resize");
    }

    private static boolean wholeNumber(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToInt();
    }

    static String error(String message) {
        ObjectNode node = JSON.createObjectNode().put("type", "error").put("message", message);
        return node.toString();
    }

    private static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
