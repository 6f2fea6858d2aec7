package dev.carrier.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.store.OnEveryDialect;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a sysop changes about an account, and what a user edits in their profile. */
class UserAdminTest extends OnEveryDialect {

    private UserStore users;
    private long aliceId;

    @BeforeEach
    void open() {
        users = new SqliteUserStore(db);
        aliceId = users.create("alice", "old-hash").id();
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
