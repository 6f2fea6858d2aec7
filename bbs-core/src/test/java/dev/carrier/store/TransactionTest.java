package dev.carrier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionTest {

    @TempDir
    Path tmp;

    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(tmp);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void allWritesLandWhenTheWorkReturns() {
        int written = db.inTransaction(c -> audit(c, "first") + audit(c, "second"));

        assertEquals(2, written);
        assertEquals(2, auditRows());
    }

    @Test
    void noWriteLandsWhenTheWorkThrows() {
        IllegalStateException thrown = new IllegalStateException("changed my mind");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
            audit(c, "first");
            throw thrown;
        }));

        assertSame(thrown, e);
        assertEquals(0, auditRows());
    }

    @Test
    void sqlFailureRollsBackAndNamesTheFile() {
        StoreException e = assertThrows(StoreException.class, () -> db.inTransaction(c -> {
            audit(c, "first");
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("INSERT INTO audit_log (at, action) VALUES ('now', NULL)");
            }
        }));

        assertTrue(e.getMessage().startsWith(db.file().orElseThrow() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("NOT NULL constraint failed: audit_log.action"), e.getMessage());
        assertEquals(0, auditRows());
    }

    private static int audit(Connection c, String action) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_log (at, action) VALUES (?, ?)")) {
            s.setString(1, "2026-11-24T10:00:00.000Z");
            s.setString(2, action);
            return s.executeUpdate();
        }
    }

    private int auditRows() {
        return db.withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_log")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
