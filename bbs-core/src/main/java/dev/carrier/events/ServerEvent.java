package dev.carrier.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the server sends a JSON client, each as {@code {"event": name(), "data": this}}. The
 * field names are PROTOCOL.md's: clients are written against them.
 */
public sealed interface ServerEvent {

    /**
     * The version of the JSON protocol (REST and {@code /events}) this server speaks. It changes
     * only for a breaking change; added fields, events and routes keep it (PROTOCOL.md, "Versioning").
     */
    String PROTOCOL_VERSION = "1";

    /** The envelope's {@code event} name. */
    String name();

    /** The first frame of every connection: who the token belongs to, the protocol spoken, and which server answers. */
    record Hello(@JsonProperty("protocol_version") String protocolVersion, String username, String server)
            implements ServerEvent {
        public String name() {
            return "hello";
        }
    }

    record NewMessage(
            @JsonProperty("msg_id") String msgId, String from, String to, String text, String timestamp,
            String direction, boolean delivered, @JsonProperty("delivery_method") String deliveryMethod)
            implements ServerEvent {
        public String name() {
            return "new_message";
        }
    }

    /** {@code by} marked the reader's messages to them read, up to and including {@code msg_id}. */
    record MessageRead(@JsonProperty("msg_id") String msgId, String by, @JsonProperty("read_at") String readAt)
            implements ServerEvent {
        public String name() {
            return "message_read";
        }
    }

    record FriendOnline(String username) implements ServerEvent {
        public String name() {
            return "friend_online";
        }
    }

    record FriendOffline(String username) implements ServerEvent {
        public String name() {
            return "friend_offline";
        }
    }

    /**
     * @param lastSeen only when the status is offline: when the person's last connection ended
     */
    record Presence(
            String username, @JsonProperty("display_name") String displayName, String status,
            @JsonProperty("idle_seconds") long idleSeconds,
            @JsonProperty("last_seen") @JsonInclude(JsonInclude.Include.NON_NULL) String lastSeen)
            implements ServerEvent {
        public String name() {
            return "presence";
        }
    }

    /** Someone's profile changed in a field others see. */
    record ProfileUpdated(
            String username, @JsonProperty("display_name") String displayName, String tagline, String location,
            @JsonProperty("profile_updated_at") String profileUpdatedAt) implements ServerEvent {
        public String name() {
            return "profile_updated";
        }
    }

    /** Typing to the client ({@code room} left out) or in the client's room. */
    record Typing(String username, boolean typing, @JsonInclude(JsonInclude.Include.NON_NULL) String room)
            implements ServerEvent {
        public String name() {
            return "typing";
        }
    }

    record Chat(String kind, String from, String text, String timestamp, String room) implements ServerEvent {
        public String name() {
            return "chat";
        }
    }

    /** The room the client is in now: after {@code join_room}, {@code leave_room} or a kick. */
    record Room(String room, String topic, @JsonProperty("invitation_only") boolean invitationOnly)
            implements ServerEvent {
        public String name() {
            return "room";
        }
    }

    record Bell(String reason) implements ServerEvent {
        public String name() {
            return "bell";
        }
    }

    record Error(String code, String message) implements ServerEvent {
        public String name() {
            return "error";
        }
    }
}
