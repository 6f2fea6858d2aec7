package dev.carrier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the sysop reads when the data folder or file cannot be used. */
class DataFolderProblemsTest {

    @TempDir
    Path tmp;

    @Test
    void garbageFileIsNotADatabase() throws IOException {
        Path file = tmp.resolve("carrier.db");
        Files.writeString(file, "these are words, not tables. ".repeat(200), StandardCharsets.US_ASCII);

        StoreException e = assertThrows(StoreException.class, () -> Database.open(tmp));

        assertEquals(file + " is not a SQLite database (file is not a database)", e.getMessage());
    }

    @Test
    void dataFolderThatIsAFileIsRefused() throws IOException {
        Path notAFolder = Files.writeString(tmp.resolve("data"), "hello");

        StoreException e = assertThrows(StoreException.class, () -> Database.open(notAFolder));

        assertEquals("data folder " + notAFolder + " is a file, not a folder", e.getMessage());
    }

    @Test
    void dataFolderUnderAFileCannotBeCreated() throws IOException {
        // Tests may run as root, who may write anywhere; a file in the way stops even root.
        Path file = Files.writeString(tmp.resolve("plain.txt"), "hello");
        Path dataDir = file.resolve("data");

        StoreException e = assertThrows(StoreException.class, () -> Database.open(dataDir));

        assertEquals("cannot create data folder " + dataDir + ": " + file + " is a file, not a folder",
                e.getMessage());
    }

    @Test
    void databaseFileThatIsAFolderIsRefused() throws IOException {
        Path file = Files.createDirectory(tmp.resolve("carrier.db"));

        StoreException e = assertThrows(StoreException.class, () -> Database.open(tmp));

        assertEquals(file + " is a folder, not a database file", e.getMessage());
    }

    @Test
    void schemaFromANewerVersionIsRefused() {
        Database.open(tmp).close();
        try (Database db = Database.open(tmp)) {
            db.withConnection(c -> {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                                + " checksum, installed_by, execution_time, success)"
                                + " VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'test', 0, 1)")) {
                    return s.executeUpdate();
                }
            });
        }

        StoreException e = assertThrows(StoreException.class, () -> Database.open(tmp));

        assertEquals(tmp.resolve("carrier.db") + " was written by a newer version of Carrier (schema version 99):"
                + " run that version, or restore a backup made with this one", e.getMessage());
    }
}
