package dev.carrier.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.carrier.json.Json;
import dev.carrier.store.OwnerOnlyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code admin.json} in the data folder: where a running server's admin endpoint listens and the
 * token it asks for. Readable and writable by the server's own system user alone (rw-------),
 * written whole or not at all, and removed when the server stops. The carrier command finds the
 * running server through it.
 *
 * @param port    the loopback port of the admin endpoint
 * @param token   see {@link AdminToken}
 * @param pid     the server's process id, so that a file left by a crashed server is known stale
 * @param version the server's version
 */
public record AdminFile(int port, String token, long pid, String version) {

    public static final String FILE_NAME = "admin.json";


    public static Path path(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /** Writes the file with owner-only permissions, replacing any left by an earlier server. */
    public void write(Path dataDir) {
        Path target = path(dataDir);
        try {
            OwnerOnlyFile.write(target, AdminJson.write(this));
        } catch (UnsupportedOperationException e) {
            throw new AdminException("cannot keep the admin token secret in " + target
                    + ": the file system has no owner-only permissions; put the data folder on another one", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * The file in {@code dataDir}, or empty when there is none (no server was started there, or
     * it stopped cleanly).
     *
     * @throws AdminException when the file exists but cannot be read or makes no sense
     */
    public static Optional<AdminFile> read(Path dataDir) {
        Path file = path(dataDir);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (AccessDeniedException e) {
            throw new AdminException("cannot read " + file + ": permission denied; run carrier as the system user"
                    + " the server runs as", e);
        } catch (IOException e) {
            throw new AdminException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return Optional.of(Json.MAPPER.readValue(bytes, AdminFile.class));
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new AdminException(file + " is damaged (" + why + "); if no server runs, delete it", e);
        }
    }

    /** Leaves the token out, so that logging the record by mistake does not leak it. */
    @Override
    public String toString() {
        return "AdminFile[port=" + port + ", token=(hidden), pid=" + pid + ", version=" + version + "]";
    }

    /** Removes the file if it is still this server's (a later server may have replaced it). */
    public void delete(Path dataDir) {
        Path file = path(dataDir);
        try {
            Optional<AdminFile> current = read(dataDir);
            if (current.isPresent() && AdminToken.matches(token, current.get().token())) Files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            // The server is stopping anyway; a stale file is recognised by its dead process.
        }
    }
}
