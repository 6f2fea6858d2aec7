package dev.carrier.message;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A direct message between two users.
 *
 * @param method      {@code DIRECT} when the recipient was online, {@code OFFLINE} when it waited
 * @param deliveredAt when it reached one of the recipient's connections; empty while it waits
 */
public record DirectMessage(
        UUID id, String from, String to, String text, Instant sentAt, Method method,
        Optional<Instant> deliveredAt, Optional<Instant> readAt) {

    public enum Method { DIRECT, OFFLINE }
}
