package dev.carrier.sshkey;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * OpenSSH public key lines made in the JVM, for tests that paste keys without an SSH client:
 * the wire form ssh-keygen writes (length-prefixed type and fields), base64, then a comment.
 */
public final class TestKeys {

    private TestKeys() {}

    /** A new Ed25519 key's line. */
    public static String ed25519(String comment) {
        try {
            byte[] encoded = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
            byte[] point = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length); // X.509 ends with it
            return line("ssh-ed25519", comment, "ssh-ed25519".getBytes(StandardCharsets.US_ASCII), point);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Java 17 makes Ed25519 keys", e);
        }
    }

    /** A new RSA key's line; 4096 bits is the longest key people commonly paste. */
    public static String rsa(int bits, String comment) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
            // BigInteger's bytes are SSH's mpint: big-endian, a leading zero when the top bit is set.
            return line("ssh-rsa", comment, "ssh-rsa".getBytes(StandardCharsets.US_ASCII),
                    key.getPublicExponent().toByteArray(), key.getModulus().toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Java makes RSA keys", e);
        }
    }

    private static String line(String type, String comment, byte[]... fields) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(wire)) {
            for (byte[] field : fields) {
                out.writeInt(field.length);
                out.write(field);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return type + " " + Base64.getEncoder().encodeToString(wire.toByteArray()) + (comment.isEmpty() ? "" : " " + comment);
    }
}
