package dev.carrier.sysop;

import dev.carrier.store.Dialect;
import dev.carrier.store.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carrier.audit.SqliteAuditLog;
import dev.carrier.store.Database;
import dev.carrier.session.Logouts;
import dev.carrier.user.BcryptPasswordHasher;
import dev.carrier.user.SqliteUserStore;
import dev.carrier.user.UserStore;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code carrier user add} refuses look-alikes of existing handles as registration does. */
/** Runs on SQLite and on PostgreSQL. */
@ParameterizedClass
@EnumSource(Dialect.class)
class AddLookalikeHandleTest {

    @Parameter
    Dialect dialect;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();


    @TempDir
    Path tmp;

    private Database db;
    private UserStore users;
    private UserAdmin admin;

    @BeforeEach
    void open() {
        db = databases.open(dialect, tmp);
        users = new SqliteUserStore(db);
        admin = new UserAdmin(users, new BcryptPasswordHasher(4), new SqliteAuditLog(db, Clock.systemUTC()),
                (handle, farewell) -> 0, Logouts.withoutSessions());
        admin.add("shell:root", "alice", "secret1", false);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aLookalikeOfAnExistingHandleIsRefusedWithTheHandleItLooksLike() {
        SysopException refused = assertThrows(SysopException.class, () -> admin.add("shell:root", "aIice", "secret1", false));
        assertEquals("the handle aIice is too much like the existing alice; choose another", refused.getMessage());
        assertEquals(1, users.count());
    }

    @Test
    void theSameHandleInAnotherCaseIsTaken() {
        SysopException refused = assertThrows(SysopException.class, () -> admin.add("shell:root", "ALICE", "secret1", false));
        assertEquals("the handle ALICE is taken", refused.getMessage());
    }

    @Test
    void punctuationAloneIsRefused() {
        SysopException refused = assertThrows(SysopException.class, () -> admin.add("shell:root", "__", "secret1", false));
        assertEquals("handle must have at least one letter or digit", refused.getMessage());
    }
}
