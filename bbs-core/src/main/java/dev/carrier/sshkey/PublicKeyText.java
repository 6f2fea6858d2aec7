package dev.carrier.sshkey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;

/**
 * An OpenSSH public key as a user pastes it ({@code ssh-ed25519 AAAA... me@laptop}): its type,
 * its base64 blob and an optional comment. Parsing checks the shape only (a known type, valid
 * base64 whose first field names the same type); the SSH transport decides whether a client
 * holds the private half.
 *
 * @param type    the key's algorithm name, such as {@code ssh-ed25519}
 * @param blob    the base64 text of the key in SSH wire form
 * @param comment what the user wrote after the key, cleaned to printable ASCII, at most 100 characters
 */
public record PublicKeyText(String type, String blob, String comment) {

    /** The key types OpenSSH offers by default and the server can check. */
    public static final Set<String> TYPES = Set.of("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521");

    /** A 16384-bit RSA key is about 2.8 KB of base64; anything longer is not a key. */
    static final int MAX_BLOB = 4096;
    static final int MAX_COMMENT = 100;

    /**
     * The longest pasted line worth reading whole: the longest key with a long comment. A prompt
     * that takes a key line must take this many characters, as a line cut short is a broken key.
     */
    public static final int MAX_LINE = 8 * 1024;

    public PublicKeyText {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(blob, "blob");
        comment = comment == null ? "" : clean(comment);
    }

    /**
     * Reads a pasted key line.
     *
     * @throws IllegalArgumentException saying what is wrong, in words for the user
     */
    public static PublicKeyText parse(String line) {
        String[] parts = line == null ? new String[0] : line.strip().split("\\s+", 3);
        if (parts.length < 2 || parts[0].isEmpty()) {
            throw new IllegalArgumentException(
                    "paste one OpenSSH public key line, such as the contents of ~/.ssh/id_ed25519.pub");
        }
        String type = parts[0];
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("key type " + shown(type) + " is not supported; use one of "
                    + String.join(", ", TYPES.stream().sorted().toList()));
        }
        String blob = parts[1];
        if (blob.length() > MAX_BLOB) throw new IllegalArgumentException("that key is too long to be a public key");
        byte[] wire;
        try {
            wire = Base64.getDecoder().decode(blob);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key's second part is not valid base64; paste the whole line");
        }
        if (!type.equals(wireType(wire))) {
            throw new IllegalArgumentException("the key's data does not match its type " + type
                    + "; paste the line exactly as ssh-keygen wrote it");
        }
        if (!whole(type, wire)) {
            throw new IllegalArgumentException("the key's data is cut short or damaged; paste the whole line, "
                    + "exactly as ssh-keygen wrote it");
        }
        return new PublicKeyText(type, blob, parts.length > 2 ? parts[2] : "");
    }

    /** The {@code type blob} pair that identifies the key, without the comment. */
    public String keyLine() {
        return type + " " + blob;
    }

    /** OpenSSH's fingerprint: {@code SHA256:} and the unpadded base64 of the blob's SHA-256. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(blob));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The first field of a key in SSH wire form: a 32-bit length, then the type's name. */
    private static String wireType(byte[] wire) {
        if (wire.length < 4) return "";
        int length = ByteBuffer.wrap(wire, 0, 4).getInt();
        if (length <= 0 || length > 64 || wire.length < 4 + length) return "";
        return new String(wire, 4, length, StandardCharsets.US_ASCII);
    }

    /**
     * Whether the wire form holds exactly the fields of its type, each length-prefixed: the name
     * and the 32-byte point for Ed25519; the name and two more (RSA's e and n, ECDSA's curve and
     * point) otherwise. A line cut anywhere, even where the base64 still decodes, fails this.
     */
    private static boolean whole(String type, byte[] wire) {
        ByteBuffer in = ByteBuffer.wrap(wire);
        int fields = type.equals("ssh-ed25519") ? 2 : 3;
        int last = 0;
        for (int i = 0; i < fields; i++) {
            if (in.remaining() < 4) return false;
            last = in.getInt();
            if (last <= 0 || last > in.remaining()) return false;
            in.position(in.position() + last);
        }
        return !in.hasRemaining() && (fields == 3 || last == 32);
    }

    private static String clean(String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().filter(c -> c >= 0x20 && c < 0x7f).limit(MAX_COMMENT).forEach(sb::appendCodePoint);
        return sb.toString().strip();
    }

    private static String shown(String type) {
        return clean(type.length() > 40 ? type.substring(0, 40) + "..." : type);
    }
}
