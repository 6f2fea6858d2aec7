package dev.carrier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder holds hashes, DMs and letters: nobody but the server's user may read it. */
class DataFolderPermissionsTest {

    @TempDir
    Path parent;

    @Test
    void aFreshDataFolderAndEveryFileInItAreTheOwnersOnly() throws IOException {
        assumeTrue(parent.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path data = parent.resolve("data");
        try (TestServer bbs = TestServer.start(data)) {
            bbs.register("alice", "secret1");
            bbs.register("bob", "secret2");
            bbs.json("carol");
            assertEquals("rwx------", permissions(data));
            List<Path> files;
            try (Stream<Path> list = Files.list(data)) {
                files = list.toList();
            }
            List<String> names = files.stream().map(path -> path.getFileName().toString()).toList();
            assertTrue(names.containsAll(List.of("carrier.db", "carrier.db-wal", "carrier.db-shm", "admin.json")),
                    names.toString());
            for (Path file : files) assertEquals("rw-------", permissions(file), file.toString());
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
