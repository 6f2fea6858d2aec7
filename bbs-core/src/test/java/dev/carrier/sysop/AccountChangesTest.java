package dev.carrier.sysop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.audit.AuditEntry;
import dev.carrier.audit.AuditLog;
import dev.carrier.audit.SqliteAuditLog;
import dev.carrier.session.Logouts;
import dev.carrier.store.OnEveryDialect;
import dev.carrier.user.BcryptPasswordHasher;
import dev.carrier.user.PasswordHasher;
import dev.carrier.user.SqliteUserStore;
import dev.carrier.user.UserStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** UserAdmin: the rules of a sysop's account changes, each audited, live sessions told. */
class AccountChangesTest extends OnEveryDialect {

    private UserStore users;
    private AuditLog audit;
    private final PasswordHasher hasher = new BcryptPasswordHasher(4);
    private final List<String> hungUp = new ArrayList<>();
    private UserAdmin admin;

    @BeforeEach
    void open() {
        users = new SqliteUserStore(db);
        audit = new SqliteAuditLog(db, Clock.systemUTC());
        admin = new UserAdmin(users, hasher, audit, (handle, farewell) -> {
            hungUp.add(handle + ": " + farewell);
            return 2;
        }, Logouts.withoutSessions());
    }

    private List<String> auditLines() {
        return audit.recent(100).stream()
                .map(e -> e.actor().orElse("-") + " " + e.action() + " " + e.detail()).toList();
    }

    @Test
    void aSysopMayCreateAReservedHandleButNotAMalformedOne() {
        assertTrue(admin.add("shell:root", "sysop", "secret1", true).sysop());
        SysopException malformed = assertThrows(SysopException.class, () -> admin.add("shell:root", "a b", "secret1", false));
        assertEquals("handle must be 2-20 letters, digits, _ or -", malformed.getMessage());
        assertEquals(List.of("shell:root user.add sysop (sysop)"), auditLines());
    }

    @Test
    void banSetsTheFlagHangsUpAndIsAudited() {
        admin.add("shell:root", "alice", "secret1", false);

        int closed = admin.ban("console:root", "ALICE", Optional.of("spam\u001b[2J"));

        assertEquals(2, closed);
        assertTrue(users.find("alice").orElseThrow().banned());
        assertEquals(List.of("alice: *** You have been banned by the sysop: spam Goodbye."), hungUp);
        assertEquals("console:root user.ban alice: spam", auditLines().get(1));
    }

    @Test
    void passwordChangesFollowThePasswordRules() {
        admin.add("shell:root", "alice", "secret1", false);
        assertThrows(SysopException.class, () -> admin.changePassword("shell:root", "alice", "short"));
        admin.changePassword("shell:root", "alice", "longer-secret");
        assertTrue(hasher.verify("longer-secret", users.credentials("alice").orElseThrow().passwordHash()));
    }

    @Test
    void deleteRemovesTheAccount() {
        admin.add("shell:root", "alice", "secret1", false);
        admin.delete("shell:root", "alice");
        assertFalse(users.find("alice").isPresent());
        assertEquals("shell:root user.delete alice", auditLines().get(1));
        SysopException gone = assertThrows(SysopException.class, () -> admin.unban("shell:root", "alice"));
        assertEquals("no user named alice", gone.getMessage());
    }

    @Test
    void everyChangeLeavesOneEntry() {
        admin.add("a", "alice", "secret1", false);
        admin.setSysop("a", "alice", true);
        admin.setSysop("a", "alice", false);
        admin.ban("a", "alice", Optional.empty());
        admin.unban("a", "alice");
        admin.changePassword("a", "alice", "secret2");
        assertEquals(List.of("user.add", "user.sysop", "user.unsysop", "user.ban", "user.unban", "user.passwd"),
                audit.recent(100).stream().map(AuditEntry::action).toList());
    }
}
