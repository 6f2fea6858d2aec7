package dev.carrier.presence;

import java.util.Locale;
import java.util.Optional;

/** Whether a user can be reached. Per identity, not per connection. */
public enum Status {
    ONLINE("Online"),
    AWAY("Away"),
    DND("Do not disturb"),
    OFFLINE("Offline");

    private final String title;

    Status(String title) {
        this.title = title;
    }

    /** How people read it in lists: {@code Do not disturb}. */
    public String title() {
        return title;
    }

    /** How clients send and receive it: {@code dnd}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Status> fromWire(String name) {
        for (Status status : values()) {
            if (status.wireName().equals(name)) return Optional.of(status);
        }
        return Optional.empty();
    }
}
