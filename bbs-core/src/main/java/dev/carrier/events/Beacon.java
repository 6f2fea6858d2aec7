package dev.carrier.events;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a JSON client says of itself in a {@code keepalive}: every field optional, cleaned of
 * control characters before a sysop's terminal shows it.
 *
 * @param lastInputSeconds how long ago its person last touched the client; keeps them from idling away
 */
public record Beacon(Optional<String> client, Optional<String> version, Optional<String> deviceFamily,
        OptionalLong lastInputSeconds) {

    public static final Beacon NONE = new Beacon(Optional.empty(), Optional.empty(), Optional.empty(),
            OptionalLong.empty());

    /** {@code Carrier Mobile 2.1 (ios)}, as the sysop's who shows it; empty when the client said nothing of itself. */
    public String describe() {
        String name = client.orElse("") + version.map(v -> " " + v).orElse("");
        String family = deviceFamily.map(f -> "(" + f + ")").orElse("");
        return (name.strip() + " " + family).strip();
    }
}
