package dev.carrier.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Makes sure the data folder exists and can be written, before SQLite is asked to open anything
 * in it: SQLite's own complaint ("unable to open database file") does not say which of the many
 * possible reasons applies.
 */
final class DataFolder {

    private DataFolder() {}

    /** Creates {@code dir} if missing, and checks that it is a folder we can write in. */
    static void prepare(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StoreException("data folder " + dir + " is a file, not a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (AccessDeniedException e) {
            throw new StoreException("cannot create data folder " + dir + ": permission denied", e);
        } catch (IOException e) {
            Path blocker = fileInTheWay(dir);
            String why = blocker != null ? blocker + " is a file, not a folder" : reason(e);
            throw new StoreException("cannot create data folder " + dir + ": " + why, e);
        }
        checkWritable(dir);
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
