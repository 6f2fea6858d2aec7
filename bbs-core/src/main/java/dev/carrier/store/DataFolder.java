package dev.carrier.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the data folder exists and can be written, before SQLite is asked to open anything
 * in it: SQLite's own complaint ("unable to open database file") does not say which of the many
 * possible reasons applies.
 *
 * <p>The folder holds password hashes, direct messages and letters, so it is made rwx------ and
 * its files rw------- (on file systems with POSIX permissions); an existing folder or file that
 * lets the group or others in is reported at start-up, not changed behind the sysop's back.
 */
public final class DataFolder {

    private static final Logger log = LoggerFactory.getLogger(DataFolder.class);

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataFolder() {}

    /**
     * Creates {@code dir} (rwx------) if missing, and checks that it is a folder we can write in.
     * Opening the SQLite file does this; a server on PostgreSQL calls it itself, since the folder
     * still holds its keys, certificates and admin file.
     */
    public static void prepare(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StoreException("data folder " + dir + " is a file, not a folder");
        }
        boolean existed = Files.isDirectory(dir);
        try {
            if (posix(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(FOLDER));
            } else {
                Files.createDirectories(dir);
            }
        } catch (AccessDeniedException e) {
            throw new StoreException("cannot create data folder " + dir + ": permission denied", e);
        } catch (IOException e) {
            Path blocker = fileInTheWay(dir);
            String why = blocker != null ? blocker + " is a file, not a folder" : reason(e);
            throw new StoreException("cannot create data folder " + dir + ": " + why, e);
        }
        checkWritable(dir);
        if (existed) warnIfOpen(dir, "chmod 700 " + dir);
    }

    /**
     * Creates {@code file} empty and rw------- when it does not exist yet, so that whatever opens
     * it next (SQLite, which also gives its -wal and -shm files the database's permissions) never
     * makes it readable by others; an existing one that is looser is reported.
     */
    static void createPrivateFile(Path file) {
        if (!posix(file.getParent())) return;
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            warnIfOpen(file, "chmod 600 " + file + "*");
        } catch (IOException e) {
            throw new StoreException("cannot create " + file + ": " + reason(e), e);
        }
    }

    /** Logs a warning when group or others have any permission on {@code path}. */
    static void warnIfOpen(Path path, String fix) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            boolean open = permissions.stream().anyMatch(p -> !p.name().startsWith("OWNER_"));
            if (open) {
                log.warn("{} is {}: others on this machine may read password hashes and messages; run: {}",
                        path, PosixFilePermissions.toString(permissions), fix);
            }
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("cannot read the permissions of {}: {}", path, e.toString());
        }
    }

    private static boolean posix(Path somewhere) {
        return (somewhere == null ? Path.of(".") : somewhere).getFileSystem()
                .supportedFileAttributeViews().contains("posix");
    }

    /**
     * Writes and removes a scratch file. Files.isWritable only reads permission bits, which say
     * nothing of read-only mounts and are always true for root.
     */
    private static void checkWritable(Path dir) {
        try {
            Path probe = Files.createTempFile(dir, ".write-check-", ".tmp");
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw new StoreException("cannot write to data folder " + dir + ": permission denied", e);
        } catch (IOException e) {
            throw new StoreException("cannot write to data folder " + dir + ": " + reason(e), e);
        }
    }

    /** The nearest existing ancestor of {@code dir} when it is not a folder, else null. */
    private static Path fileInTheWay(Path dir) {
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? null : p;
            }
        }
        return null;
    }

    private static String reason(IOException e) {
        String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        return reason == null ? e.getClass().getSimpleName() : reason.toLowerCase(Locale.ROOT);
    }
}
