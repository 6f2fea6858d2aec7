package dev.carrier.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The key a chat line is stored under: the same on every server that delivers it, different for
 * any two lines. Made of everything the line carries (room, kind, sender, text and the moment to
 * the nanosecond, not the millisecond the history shows), as a SHA-256 digest so that the unique
 * index stays small whatever the line's length.
 *
 * <p>Not thread-safe: one per batch of writes.
 */
final class LineKey {

    private final MessageDigest digest;

    /** One digest for many keys (a batch of lines): looking the algorithm up costs more than a key. */
    LineKey() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The key of a line of {@code room} of {@code kind} ({@code public}, ...), {@code sender} empty for none. */
    String of(RoomName room, String kind, String sender, String text, Instant at) {
        for (String part : new String[] {room.name(), kind, sender, at.getEpochSecond() + "." + at.getNano(), text}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            // Each part with its length first, so that no two different lines run together alike.
            digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
