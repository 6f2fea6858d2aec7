package dev.carrier.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's host keys, Ed25519 and RSA, in the data folder as OpenSSH writes them
 * ({@code ssh_host_ed25519_key}, {@code ssh_host_rsa_key}, mode rw-------). Made at the first
 * start and kept, so callers' {@code known_hosts} stay valid across restarts.
 */
public final class HostKeys {

    private static final Logger log = LoggerFactory.getLogger(HostKeys.class);

    /** What NIST and OpenSSH count as good beyond 2030. */
    static final int RSA_BITS = 3072;

    private final List<KeyPair> keys;

    private HostKeys(List<KeyPair> keys) {
        this.keys = List.copyOf(keys);
    }

    /** Loads the keys in {@code folder}, making those that are missing. */
    public static HostKeys inFolder(Path folder) throws IOException {
        List<KeyPair> keys = new ArrayList<>();
        keys.add(loadOrMake(folder.resolve("ssh_host_ed25519_key"), SecurityUtils.EDDSA, 256));
        keys.add(loadOrMake(folder.resolve("ssh_host_rsa_key"), KeyUtils.RSA_ALGORITHM, RSA_BITS));
        return new HostKeys(keys);
    }

    /** The keys, for the SSH server. */
    KeyPairProvider provider() {
        return KeyPairProvider.wrap(keys);
    }

    /** Each key's type and OpenSSH SHA-256 fingerprint, as a caller's client shows it on first contact. */
    public List<String> fingerprints() {
        return keys.stream()
                .map(pair -> KeyUtils.getKeyType(pair.getPublic()) + " " + KeyUtils.getFingerPrint(pair.getPublic()))
                .toList();
    }

    private static KeyPair loadOrMake(Path file, String algorithm, int bits) throws IOException {
        if (!Files.exists(file)) make(file, algorithm, bits);
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, new PathResource(file), in, null);
            if (loaded != null) {
                for (KeyPair pair : loaded) return pair;
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the SSH host key " + file + " (" + e.getMessage()
                    + "); move it away and a new one is made at the next start", e);
        }
        throw new IOException("the SSH host key " + file + " holds no key; move it away and a new one is made at the next start");
    }

    private static void make(Path file, String algorithm, int bits) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = SecurityUtils.getKeyPairGenerator(algorithm);
            generator.initialize(bits);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make an SSH host key of type " + algorithm + ": " + e.getMessage(), e);
        }
        // Created rw------- before a byte is written, so the private key is never readable by others.
        Path partial = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(partial);
        try {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(partial);
        }
        try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.TRUNCATE_EXISTING)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "carrier", null, out);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the SSH host key " + file + ": " + e.getMessage(), e);
        }
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(partial); // another start made it first; keep theirs
        }
        log.info("made the SSH host key {}", file);
    }
}
