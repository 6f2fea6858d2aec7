package dev.carrier.presence;

import java.util.Objects;
import java.util.Optional;

/**
 * A status a person chose by hand ({@code /away lunch}, {@code /dnd}), kept across their logins
 * until they choose {@code /back}.
 */
public record ChosenStatus(Status status, Optional<String> text) {

    public ChosenStatus {
        Objects.requireNonNull(text, "text");
        if (status != Status.AWAY && status != Status.DND) {
            throw new IllegalArgumentException("only away and dnd are kept, not " + status);
        }
    }
}
