package dev.carrier.message;

import dev.carrier.bus.BusMessage;

/**
 * A page ({@code /page alice}), published once it is allowed: every server rings its own
 * connections of {@code to}.
 */
public record Paged(String from, String to) implements BusMessage {
}
