package dev.carrier.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.store.OnEveryDialect;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserRegistrationTest extends OnEveryDialect {

    private static final Instant NOW = Instant.parse("2026-11-24T18:05:09.120Z");


    private UserStore users;

    @BeforeEach
    void open() {
        users = new SqliteUserStore(db, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void newUserIsPlainAndHasNeverLoggedIn() {
        User alice = users.create("Alice", "hash-a");

        assertEquals("Alice", alice.handle());
        assertFalse(alice.sysop());
        assertFalse(alice.banned());
        assertEquals(NOW, alice.createdAt());
        assertEquals(Optional.empty(), alice.lastLoginAt());
        assertEquals("", alice.displayName());
        assertEquals("Alice", alice.shownName());
        assertEquals(Optional.of(alice), users.find("Alice"));
        assertEquals(Optional.of(alice), users.findById(alice.id()));
    }

    @Test
    void handleIsFoundInAnyCaseAndKeepsItsOwn() {
        User alice = users.create("Alice", "hash-a");

        assertEquals(Optional.of(alice), users.find("alice"));
        assertEquals(Optional.of(alice), users.find("ALICE"));
        assertEquals("Alice", users.find("aLiCe").orElseThrow().handle());
    }

    @Test
    void unknownHandleIsNotFound() {
        users.create("alice", "hash-a");

        assertEquals(Optional.empty(), users.find("bob"));
        assertEquals(Optional.empty(), users.credentials("bob"));
        assertEquals(Optional.empty(), users.findById(12345));
    }

    @Test
    void sameHandleInAnotherCaseIsRefused() {
        users.create("alice", "hash-a");

        HandleTakenException e = assertThrows(HandleTakenException.class, () -> users.create("ALICE", "hash-b"));

        assertEquals("that handle is taken", e.getMessage());
        assertEquals("ALICE", e.handle());
        assertEquals(1, users.count());
        assertEquals("hash-a", users.credentials("alice").orElseThrow().passwordHash());
    }

    @Test
    void credentialsCarryTheHashButNotInText() {
        User alice = users.create("alice", "secret-hash");

        Credentials credentials = users.credentials("ALICE").orElseThrow();

        assertEquals(alice, credentials.user());
        assertEquals("secret-hash", credentials.passwordHash());
        assertFalse(credentials.toString().contains("secret-hash"), credentials.toString());
    }

    @Test
    void listIsOrderedByHandleWithoutRegardToCase() {
        users.create("carol", "h");
        users.create("Bob", "h");
        users.create("alice", "h");

        List<String> handles = users.list().stream().map(User::handle).toList();

        assertEquals(List.of("alice", "Bob", "carol"), handles);
        assertEquals(3, users.count());
    }

    @Test
    void emptyStoreCountsZero() {
        assertEquals(0, users.count());
        assertTrue(users.list().isEmpty());
    }
}
