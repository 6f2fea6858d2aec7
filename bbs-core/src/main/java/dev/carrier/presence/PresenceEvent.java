package dev.carrier.presence;

import dev.carrier.bus.LocalMessage;
import java.time.Instant;
import java.util.Optional;

/**
 * A person's merged status changed (their parts on every server taken together). Published once
 * per change; never when nothing changed. Each server works these out for itself from the
 * replicated facts ({@link PresencePart}, {@link PresenceChoice}), so the event never leaves its
 * server: a person who connects anywhere is one CONNECT on every server.
 *
 * @param displayName the display name, or the handle when none is set
 * @param text the away text the user gave, if any
 * @param at when it changed; for a disconnect, when the person was last seen
 * @param here whether this server caused the change (the connection, the keystroke or the choice
 *             was on it). A reaction that reaches outside the server (a line to a room, a store
 *             write) acts only on events caused here, so it happens once in a cluster. Changes
 *             that follow a server's going away were caused by no one: {@code false} everywhere.
 */
public record PresenceEvent(String handle, String displayName, Status from, Status to, Reason reason,
        Optional<String> text, Instant at, boolean here) implements LocalMessage {

    public enum Reason { MANUAL, IDLE, CONNECT, DISCONNECT }
}
