package dev.carrier.user;

import dev.carrier.store.Dialect;
import dev.carrier.store.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.store.Database;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a sysop changes about an account, and what a user edits in their profile. */
/** Runs on SQLite and on PostgreSQL. */
@ParameterizedClass
@EnumSource(Dialect.class)
class UserAdminTest {

    @Parameter
    Dialect dialect;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();


    @TempDir
    Path tmp;

    private Database db;
    private UserStore users;
    private long aliceId;

    @BeforeEach
    void open() {
        db = databases.open(dialect, tmp);
        users = new SqliteUserStore(db);
        aliceId = users.create("alice", "old-hash").id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void sysopRightsCanBeGrantedAndTaken() {
        users.setSysop(aliceId, true);
        assertTrue(users.find("alice").orElseThrow().sysop());

        users.setSysop(aliceId, false);
        assertFalse(users.find("alice").orElseThrow().sysop());
    }

    @Test
    void banIsRecordedAndLifted() {
        users.setBanned(aliceId, true);
        assertTrue(users.credentials("alice").orElseThrow().user().banned());

        users.setBanned(aliceId, false);
        assertFalse(users.find("alice").orElseThrow().banned());
    }

    @Test
    void passwordHashIsReplaced() {
        users.setPasswordHash(aliceId, "new-hash");

        assertEquals("new-hash", users.credentials("alice").orElseThrow().passwordHash());
    }

    @Test
    void profileFieldsAreSetAndBlankClearsThem() {
        users.updateProfile(aliceId, "Alice Liddell", "down the rabbit hole", "Oxford");
        User alice = users.find("alice").orElseThrow();
        assertEquals("Alice Liddell", alice.displayName());
        assertEquals("Alice Liddell", alice.shownName());
        assertEquals("down the rabbit hole", alice.tagline());
        assertEquals("Oxford", alice.location());

        users.updateProfile(aliceId, " ", null, "");
        alice = users.find("alice").orElseThrow();
        assertEquals("", alice.displayName());
        assertEquals("alice", alice.shownName());
        assertEquals("", alice.tagline());
        assertEquals("", alice.location());
    }

    @Test
    void changesToAnUnknownIdAreErrors() {
        assertThrows(NoSuchElementException.class, () -> users.setSysop(999, true));
        assertThrows(NoSuchElementException.class, () -> users.setBanned(999, true));
        assertThrows(NoSuchElementException.class, () -> users.setPasswordHash(999, "h"));
        assertThrows(NoSuchElementException.class, () -> users.updateProfile(999, "a", "b", "c"));
    }
}
