package dev.carrier.chat;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * One connection asking to be in a room.
 *
 * @param handle  whose connection it is
 * @param sysop   whether its user may enter private rooms and use an owner's powers
 * @param via     how it came in, for /who ({@code telnet}, {@code ssh}, {@code web}, {@code app})
 * @param viewer  the screen room lines go to; empty for a JSON client, which the event hub feeds
 * @param kicked  told (with the reason) when an owner or sysop puts this connection back in the
 *                lobby; the room has already let it go
 */
public record Visitor(String handle, boolean sysop, String via, Optional<Viewer> viewer, Consumer<String> kicked) {}
