package dev.carrier.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.carrier.bus.BusMessage;
import dev.carrier.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A bus message on the wire: JSON in an envelope {@code {server, type, body}}, where {@code type}
 * is the record's class name. Only Carrier's own bus messages are read back: a type outside
 * {@code dev.carrier}, or not a {@link BusMessage} record, is refused before any of its code is
 * loaded or run, so nobody who can publish on the subject can make a server build other objects.
 */
public final class BusCodec {

    private static final String OURS = "dev.carrier.";

    /** The project's one mapper, plus Optional and java.time, with times as ISO-8601 text. */
    private final ObjectMapper json = ((JsonMapper) Json.MAPPER).rebuild()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** What came off the wire: who published it and the message. */
    public record Received(String server, BusMessage message) {}

    private record Envelope(String server, String type, JsonNode body) {}

    public byte[] encode(String server, BusMessage message) {
        try {
            return json.writeValueAsBytes(new Envelope(server, message.getClass().getName(), json.valueToTree(message)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + message.getClass().getName(), e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are no Carrier bus message */
    public Received decode(byte[] bytes) {
        Envelope envelope;
        try {
            envelope = json.readValue(bytes, Envelope.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a bus message: " + e.getMessage(), e);
        }
        if (envelope.type() == null || envelope.body() == null || envelope.server() == null) {
            throw new IllegalArgumentException("not a bus message: server, type and body are needed");
        }
        Class<? extends BusMessage> type = type(envelope.type());
        try {
            return new Received(envelope.server(), json.treeToValue(envelope.body(), type));
        } catch (IOException e) {
            throw new IllegalArgumentException("bad " + envelope.type() + ": " + e.getMessage(), e);
        }
    }

    private static Class<? extends BusMessage> type(String name) {
        if (!name.startsWith(OURS)) throw new IllegalArgumentException("not a Carrier bus message: " + name);
        Class<?> type;
        try {
            type = Class.forName(name, false, BusCodec.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("unknown bus message: " + name, e);
        }
        if (!type.isRecord() || !BusMessage.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("not a Carrier bus message: " + name);
        }
        return type.asSubclass(BusMessage.class);
    }
}
