package dev.carrier.sysop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carrier.audit.SqliteAuditLog;
import dev.carrier.session.Logouts;
import dev.carrier.store.OnEveryDialect;
import dev.carrier.user.BcryptPasswordHasher;
import dev.carrier.user.SqliteUserStore;
import dev.carrier.user.UserStore;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code carrier user add} refuses look-alikes of existing handles as registration does. */
class AddLookalikeHandleTest extends OnEveryDialect {

    private UserStore users;
    private UserAdmin admin;

    @BeforeEach
    void open() {
        users = new SqliteUserStore(db);
        admin = new UserAdmin(users, new BcryptPasswordHasher(4), new SqliteAuditLog(db, Clock.systemUTC()),
                (handle, farewell) -> 0, Logouts.withoutSessions());
        admin.add("shell:root", "alice", "secret1", false);
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
