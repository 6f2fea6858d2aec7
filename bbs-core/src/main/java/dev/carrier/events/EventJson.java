package dev.carrier.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carrier.chat.RoomName;
import dev.carrier.json.Json;
import dev.carrier.message.Messenger;
import dev.carrier.presence.Status;
import dev.carrier.text.TextCleaner;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The JSON of the {@code /events} protocol: envelopes out, and client frames in, checked field
 * by field so that a bad frame gets an error that says which field and why.
 */
public final class EventJson {

    /** A frame the server refuses: {@code error} event's code and message. */
    public static final class BadFrame extends Exception {
        private final String code;

        BadFrame(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public ServerEvent.Error toEvent() {
            return new ServerEvent.Error(code, getMessage());
        }
    }

    private static final String EVENTS =
            "typing, mark_read, send_message, set_status, chat_say, join_room, leave_room, keepalive";

    private final ObjectMapper json = Json.MAPPER;

    public String write(ServerEvent event) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("event", event.name());
        envelope.set("data", json.valueToTree(event));
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event, e);
        }
    }

    public ObjectMapper mapper() {
        return json;
    }

    public ClientCommand read(String frame) throws BadFrame {
        JsonNode root;
        try {
            root = json.readTree(frame);
        } catch (JsonProcessingException e) {
            throw new BadFrame("bad_json", "frame is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BadFrame("bad_request", "a frame must be a JSON object {\"event\": ..., \"data\": {...}}");
        }
        JsonNode event = root.get("event");
        if (event == null || !event.isTextual()) throw new BadFrame("missing_field", "event is required (a string)");
        JsonNode data = root.get("data");
        if (data != null && !data.isNull() && !data.isObject()) {
            throw new BadFrame("bad_field", "data must be an object");
        }
        JsonNode fields = data == null || data.isNull() ? json.createObjectNode() : data;
        return switch (event.asText()) {
            case "typing" -> typing(fields);
            case "mark_read" -> new ClientCommand.MarkRead(text(fields, "peer"), uuid(fields, "msg_id"));
            case "send_message" -> new ClientCommand.SendMessage(text(fields, "to"), message(fields, "text"));
            case "set_status" -> new ClientCommand.SetStatus(status(fields));
            case "chat_say" -> new ClientCommand.ChatSay(optionalRoom(fields), message(fields, "text"));
            case "join_room" -> new ClientCommand.JoinRoom(room(fields), optionalBool(fields, "private"));
            case "leave_room" -> new ClientCommand.LeaveRoom();
            case "keepalive" -> new ClientCommand.Keepalive(beacon(fields));
            default -> throw new BadFrame("unknown_event", "unknown event '" + event.asText() + "'; expected " + EVENTS);
        };
    }

    static String text(JsonNode data, String field) throws BadFrame {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) throw new BadFrame("missing_field", "data." + field + " is required (a string)");
        if (!value.isTextual()) throw new BadFrame("bad_field", "data." + field + " must be a string");
        if (value.asText().isBlank()) throw new BadFrame("bad_field", "data." + field + " must not be empty");
        return value.asText();
    }

    /** Message text: a string of at most {@link Messenger#MAX_TEXT} characters. */
    static String message(JsonNode data, String field) throws BadFrame {
        String text = text(data, field);
        if (text.length() > Messenger.MAX_TEXT) {
            throw new BadFrame("too_long", "data." + field + " must be at most " + Messenger.MAX_TEXT
                    + " characters (was " + text.length() + ")");
        }
        return text;
    }

    /** The longest client name, version or device family a beacon may carry. */
    static final int MAX_BEACON_TEXT = 64;

    static Beacon beacon(JsonNode data) throws BadFrame {
        return new Beacon(optionalText(data, "client"), optionalText(data, "version"),
                optionalText(data, "device_family"), seconds(data, "last_input_seconds"));
    }

    /** A short optional string; cleaned, since a sysop's terminal shows it. */
    static Optional<String> optionalText(JsonNode data, String field) throws BadFrame {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) return Optional.empty();
        if (!value.isTextual()) throw new BadFrame("bad_field", "data." + field + " must be a string");
        if (value.asText().length() > MAX_BEACON_TEXT) {
            throw new BadFrame("too_long", "data." + field + " must be at most " + MAX_BEACON_TEXT + " characters");
        }
        return Optional.of(TextCleaner.clean(value.asText(), MAX_BEACON_TEXT)).filter(text -> !text.isBlank());
    }

    static OptionalLong seconds(JsonNode data, String field) throws BadFrame {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) return OptionalLong.empty();
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0) {
            throw new BadFrame("bad_field", "data." + field + " must be a whole number of seconds, 0 or more");
        }
        return OptionalLong.of(value.asLong());
    }

    private static ClientCommand.Typing typing(JsonNode data) throws BadFrame {
        boolean toSomeone = data.hasNonNull("to");
        if (toSomeone == data.hasNonNull("room")) {
            throw new BadFrame("missing_field", "data.to (a handle) or data.room (your room) is required, not both");
        }
        return new ClientCommand.Typing(toSomeone ? Optional.of(text(data, "to")) : Optional.empty(),
                toSomeone ? Optional.empty() : optionalRoom(data), bool(data, "typing"));
    }

    static RoomName room(JsonNode data) throws BadFrame {
        return RoomName.parse(text(data, "room")).orElseThrow(() ->
                new BadFrame("bad_field", "data.room: " + RoomName.RULE));
    }

    static Optional<RoomName> optionalRoom(JsonNode data) throws BadFrame {
        return data.hasNonNull("room") ? Optional.of(room(data)) : Optional.empty();
    }

    static boolean optionalBool(JsonNode data, String field) throws BadFrame {
        return data.hasNonNull(field) && bool(data, field);
    }

    static boolean bool(JsonNode data, String field) throws BadFrame {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) throw new BadFrame("missing_field", "data." + field + " is required (true or false)");
        if (!value.isBoolean()) throw new BadFrame("bad_field", "data." + field + " must be true or false");
        return value.asBoolean();
    }

    static UUID uuid(JsonNode data, String field) throws BadFrame {
        String text = text(data, field);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new BadFrame("bad_field", "data." + field + " must be a message id (a UUID)");
        }
    }

    static Status status(JsonNode data) throws BadFrame {
        String text = text(data, "status");
        Optional<Status> status = Status.fromWire(text).filter(s -> s != Status.OFFLINE);
        return status.orElseThrow(() -> new BadFrame("bad_field", "data.status must be online, away or dnd"));
    }
}
