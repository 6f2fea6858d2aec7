package dev.carrier.user;

import java.util.Locale;
import java.util.Optional;

/** How chat draws on a terminal that handles ANSI; a terminal without ANSI always gets lines. */
public enum ChatLayout {
    /** The room scrolls in a region above a status bar and a fixed input line. */
    SCREEN,
    /** Lines one after another, for screen readers and terminals that claim more than they do. */
    PLAIN;

    /** The name it is typed, stored and shown under: {@code screen} or {@code plain}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ChatLayout> named(String name) {
        for (ChatLayout layout : values()) {
            if (layout.wireName().equals(name.strip().toLowerCase(Locale.ROOT))) return Optional.of(layout);
        }
        return Optional.empty();
    }
}
