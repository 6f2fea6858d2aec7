package dev.carrier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderPermissionsTest {

    @TempDir
    Path parent;

    @Test
    void theDatabaseAndItsWalAndShmAreCreatedReadableByTheOwnerOnly() throws IOException {
        assumeTrue(parent.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path data = parent.resolve("nested").resolve("data");
        try (Database db = Database.open(data)) {
            db.withConnection(c -> c.createStatement().executeUpdate("CREATE TABLE scratch (x INTEGER)"));
            db.withConnection(c -> c.createStatement().executeUpdate("INSERT INTO scratch VALUES (1)"));
            assertEquals("rwx------", permissions(data));
            assertEquals("rw-------", permissions(data.resolve("carrier.db")));
            assertEquals("rw-------", permissions(data.resolve("carrier.db-wal")));
            assertEquals("rw-------", permissions(data.resolve("carrier.db-shm")));
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
