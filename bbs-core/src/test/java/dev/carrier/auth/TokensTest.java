package dev.carrier.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.runtime.ManualTime;
import dev.carrier.store.OnEveryDialect;
import dev.carrier.user.SqliteUserStore;
import dev.carrier.user.User;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokensTest extends OnEveryDialect {

    private final ManualTime time = new ManualTime();
    private SqliteUserStore users;
    private Tokens tokens;
    private User alice;

    @BeforeEach
    void open() {
        users = new SqliteUserStore(db, time);
        tokens = new Tokens(new SqliteTokenStore(db), users, time, Duration.ofDays(30));
        alice = users.create("alice", "x");
    }

    @Test
    void aTokenIsAtLeast256RandomBitsAndIdentifiesItsUser() {
        String token = tokens.issue(alice);
        assertTrue(Base64.getUrlDecoder().decode(token).length >= 32);
        assertNotEquals(token, tokens.issue(alice));
        assertEquals(Optional.of("alice"), tokens.authenticate(token).map(User::handle));
    }

    @Test
    void onlyAHashIsStored() {
        String token = tokens.issue(alice);
        String stored = db.withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT token_hash FROM api_tokens")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertNotEquals(token, stored);
        assertTrue(!stored.contains(token));
    }

    @Test
    void aTokenExpires() {
        String token = tokens.issue(alice);
        time.advance(Duration.ofDays(30).minusSeconds(1));
        assertTrue(tokens.authenticate(token).isPresent());
        time.advance(Duration.ofSeconds(1));
        assertTrue(tokens.authenticate(token).isEmpty());
    }

    @Test
    void logoutRevokesOneAndPasswordChangeRevokesAll() {
        String first = tokens.issue(alice);
        String second = tokens.issue(alice);
        tokens.revoke(first);
        assertTrue(tokens.authenticate(first).isEmpty());
        assertTrue(tokens.authenticate(second).isPresent());
        tokens.revokeAll(alice.id());
        assertTrue(tokens.authenticate(second).isEmpty());
    }

    @Test
    void aBannedUsersTokenIsRefused() {
        String token = tokens.issue(alice);
        users.setBanned(alice.id(), true);
        assertTrue(tokens.authenticate(token).isEmpty());
    }

    @Test
    void garbageIsRefused() {
        assertTrue(tokens.authenticate("").isEmpty());
        assertTrue(tokens.authenticate("not-a-token").isEmpty());
        assertTrue(tokens.authenticate("x".repeat(5000)).isEmpty());
    }
}
