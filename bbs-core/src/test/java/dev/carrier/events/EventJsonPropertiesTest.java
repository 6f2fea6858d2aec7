package dev.carrier.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carrier.message.Messenger;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A client frame is either a checked command or a BadFrame: never another exception, never half a command. */
class EventJsonPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> EVENTS =
            List.of("typing", "mark_read", "send_message", "set_status", "chat_say", "keepalive", "other", "");
    private static final List<String> FIELDS = List.of("to", "typing", "peer", "msg_id", "text", "status", "event", "data");

    private final EventJson json = new EventJson();
    private final ObjectMapper mapper = new ObjectMapper();

    /** Leaf values of every JSON kind, including the ones a field must be. */
    private Arbitrary<JsonNode> leaf() {
        return Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of("", " ", "alice", "online", "away", "dnd", "offline",
                        "123e4567-e89b-12d3-a456-426614174000", "1-1-1-1-1", "x".repeat(Messenger.MAX_TEXT + 1))
                        .map(NODES::textNode),
                Arbitraries.strings().ofMaxLength(30).map(NODES::textNode));
    }

    private Arbitrary<JsonNode> value(int depth) {
        if (depth == 0) return leaf();
        return Arbitraries.oneOf(leaf(), object(depth - 1),
                value(depth - 1).list().ofMaxSize(3).map(items -> NODES.arrayNode().addAll(items)));
    }

    private Arbitrary<JsonNode> object(int depth) {
        return Arbitraries.maps(Arbitraries.of(FIELDS), value(depth)).ofMaxSize(6).map(fields -> {
            ObjectNode node = NODES.objectNode();
            fields.forEach(node::set);
            return node;
        });
    }

    /** Frames shaped like ours: an event name that usually means something, data of any shape. */
    @Provide
    Arbitrary<String> frames() {
        Arbitrary<JsonNode> frame = Arbitraries.maps(Arbitraries.of("event", "data", "extra"),
                        Arbitraries.oneOf(Arbitraries.of(EVENTS).map(NODES::textNode), value(2)))
                .ofMaxSize(3)
                .map(fields -> {
                    ObjectNode node = NODES.objectNode();
                    fields.forEach(node::set);
                    return node;
                });
        return Arbitraries.oneOf(frame, value(3)).map(JsonNode::toString);
    }

    private static void checkBadFrame(EventJson.BadFrame bad) {
        var event = bad.toEvent();
        assertNotNull(event.code());
        assertFalse(event.message().isBlank(), "a refusal must say why");
    }

    @Property(tries = 3000)
    void anyStringIsACommandOrABadFrame(@ForAll String frame) {
        try {
            assertNotNull(json.read(frame));
        } catch (EventJson.BadFrame bad) {
            checkBadFrame(bad);
        }
    }

    @Property(tries = 1000)
    void brokenJsonIsABadFrame(@ForAll("frames") String frame, @ForAll int cutAt) {
        String cut = frame.substring(0, Math.floorMod(cutAt, Math.max(frame.length(), 1)));
        try {
            json.read(cut);
        } catch (EventJson.BadFrame bad) {
            checkBadFrame(bad);
        }
    }

    @Property(tries = 100)
    void deeplyNestedInputIsABadFrameNotACrash(@ForAll("depths") int depth) {
        String frame = "{\"event\":\"keepalive\",\"data\":{\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}}";
        try {
            json.read(frame);
        } catch (EventJson.BadFrame bad) {
            checkBadFrame(bad);
        }
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.integers().between(1, 5_000); // the parser's own nesting limit is 1,000
    }

    @Property(tries = 3000)
    void anAcceptedFrameHadEveryFieldItsCommandNeeds(@ForAll("frames") String frame) throws Exception {
        ClientCommand command;
        try {
            command = json.read(frame);
        } catch (EventJson.BadFrame bad) {
            checkBadFrame(bad);
            return;
        }
        JsonNode root = mapper.readTree(frame);
        JsonNode data = root.path("data");
        String event = root.get("event").asText();
        if (command instanceof ClientCommand.Typing t) {
            assertEquals("typing", event);
            assertTrue(data.get("typing").isBoolean());
            assertTrue(t.to().isPresent() != t.room().isPresent(), "exactly one of to and room");
            t.to().ifPresent(to -> {
                assertEquals(data.get("to").asText(), to);
                assertFalse(to.isBlank());
            });
        } else if (command instanceof ClientCommand.MarkRead m) {
            assertEquals("mark_read", event);
            assertFalse(m.peer().isBlank());
            assertNotNull(m.upTo());
        } else if (command instanceof ClientCommand.SendMessage m) {
            assertEquals("send_message", event);
            assertFalse(m.to().isBlank());
            assertFalse(m.text().isBlank());
            assertTrue(m.text().length() <= Messenger.MAX_TEXT);
        } else if (command instanceof ClientCommand.SetStatus) {
            assertEquals("set_status", event);
            assertTrue(Map.of("online", 1, "away", 1, "dnd", 1).containsKey(data.get("status").asText()));
        } else if (command instanceof ClientCommand.ChatSay c) {
            assertEquals("chat_say", event);
            assertFalse(c.text().isBlank());
            assertTrue(c.text().length() <= Messenger.MAX_TEXT);
        } else if (command instanceof ClientCommand.Keepalive) {
            assertEquals("keepalive", event);
        } else {
            fail("unknown command " + command);
        }
    }
}
