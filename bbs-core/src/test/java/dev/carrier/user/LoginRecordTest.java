package dev.carrier.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carrier.store.Database;
import dev.carrier.store.OnEveryDialect;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginRecordTest extends OnEveryDialect {

    @Test
    void lastLoginSurvivesARestart() {
        Instant at = Instant.parse("2026-11-24T21:30:00.250Z");
        long id;
        try (Database db = databases.open(dialect, dir)) {
            UserStore users = new SqliteUserStore(db);
            id = users.create("alice", "hash").id();
            users.recordLogin(id, at);
        }

        try (Database db = databases.open(dialect, dir)) {
            User alice = new SqliteUserStore(db).find("alice").orElseThrow();
            assertEquals(id, alice.id());
            assertEquals(Optional.of(at), alice.lastLoginAt());
        }
    }

    @Test
    void laterLoginReplacesTheEarlierOne() {
        try (Database db = databases.open(dialect, dir)) {
            UserStore users = new SqliteUserStore(db);
            long id = users.create("alice", "hash").id();
            users.recordLogin(id, Instant.parse("2026-11-24T10:00:00Z"));
            users.recordLogin(id, Instant.parse("2026-11-25T10:00:00Z"));

            assertEquals(Optional.of(Instant.parse("2026-11-25T10:00:00Z")),
                    users.findById(id).orElseThrow().lastLoginAt());
        }
    }

    @Test
    void loginOfUnknownIdIsAnError() {
        try (Database db = databases.open(dialect, dir)) {
            UserStore users = new SqliteUserStore(db);

            NoSuchElementException e = assertThrows(NoSuchElementException.class,
                    () -> users.recordLogin(42, Instant.parse("2026-11-24T10:00:00Z")));

            assertEquals("no user with id 42", e.getMessage());
        }
    }
}
