package dev.carrier.chat;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A room's name: 2-24 letters, digits, {@code -} or {@code _}, any case as typed, the same room
 * whatever the case (kept lower-case). Shown as {@code #name}.
 */
public record RoomName(String name) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{2,24}");
    public static final String RULE = "a room name is 2-24 letters, digits, - or _";
    public static final RoomName LOBBY = new RoomName("lobby");

    public RoomName {
        if (!SHAPE.matcher(name).matches()) throw new IllegalArgumentException(RULE + ", not '" + name + "'");
        name = name.toLowerCase(Locale.ROOT);
    }

    /** The room a user typed, with or without its {@code #}; empty when it is no room name. */
    public static Optional<RoomName> parse(String typed) {
        String bare = typed.strip().startsWith("#") ? typed.strip().substring(1) : typed.strip();
        return SHAPE.matcher(bare).matches() ? Optional.of(new RoomName(bare)) : Optional.empty();
    }

    public boolean isLobby() {
        return equals(LOBBY);
    }

    @Override
    public String toString() {
        return "#" + name;
    }
}
