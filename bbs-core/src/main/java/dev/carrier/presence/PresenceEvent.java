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
 * @param here whether this server answers for the change: it caused it (the connection, the
 *             keystroke or the choice was on it), so a reaction that reaches outside the server (a
 *             line to a room, a store write) acts only on events {@code here} and happens once in
 *             a cluster. The people of a server that went away went offline by no one's doing:
 *             that disconnect is {@code here} on every server, and what acts on it must be
 *             idempotent (the last seen time only moves forward).
 */
public record PresenceEvent(String handle, String displayName, Status from, Status to, Reason reason,
        Optional<String> text, Instant at, boolean here) implements LocalMessage {

    public enum Reason { MANUAL, IDLE, CONNECT, DISCONNECT }
}
