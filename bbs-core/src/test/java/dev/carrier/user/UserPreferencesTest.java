package dev.carrier.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carrier.store.OnEveryDialect;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Charset, colour and screen height chosen in the profile, kept with the account. */
class UserPreferencesTest extends OnEveryDialect {

    private UserStore users;
    private long aliceId;

    @BeforeEach
    void open() {
        users = new SqliteUserStore(db);
        aliceId = users.create("alice", "hash").id();
    }

    @Test
    void aNewUserHasChosenNothing() {
        assertEquals(Preferences.DEFAULTS, users.find("alice").orElseThrow().preferences());
    }

    @Test
    void preferencesAreStoredAndReadBack() {
        Preferences chosen = new Preferences(Optional.of(Preferences.CP437), true, 40);
        users.updatePreferences(aliceId, chosen);
        assertEquals(chosen, users.find("alice").orElseThrow().preferences());
        assertEquals(chosen, users.credentials("alice").orElseThrow().user().preferences());

        users.updatePreferences(aliceId, chosen.withCharset(StandardCharsets.UTF_8).withColour(false).withScreenRows(0));
        assertEquals(new Preferences(Optional.of(StandardCharsets.UTF_8), false, 0),
                users.findById(aliceId).orElseThrow().preferences());
    }

    @Test
    void theChatLayoutIsStoredAndReadBack() {
        assertEquals(ChatLayout.SCREEN, users.find("alice").orElseThrow().preferences().chatLayout());
        users.updatePreferences(aliceId, Preferences.DEFAULTS.withChatLayout(ChatLayout.PLAIN));
        assertEquals(ChatLayout.PLAIN, users.find("alice").orElseThrow().preferences().chatLayout());
        users.updatePreferences(aliceId, users.find("alice").orElseThrow().preferences().withColour(true));
        assertEquals(ChatLayout.PLAIN, users.find("alice").orElseThrow().preferences().chatLayout());
    }

    @Test
    void profileAndPreferencesDoNotOverwriteEachOther() {
        users.updatePreferences(aliceId, Preferences.DEFAULTS.withColour(true));
        users.updateProfile(aliceId, "Alice", "hi", "Oxford");
        User alice = users.find("alice").orElseThrow();
        assertEquals("Alice", alice.displayName());
        assertEquals(true, alice.preferences().colour());
    }

    @Test
    void onlyUtf8AndCp437AndSaneHeightsAreAccepted() {
        assertThrows(IllegalArgumentException.class,
                () -> new Preferences(Optional.of(StandardCharsets.ISO_8859_1), false, 0));
        assertThrows(IllegalArgumentException.class, () -> Preferences.DEFAULTS.withScreenRows(5));
        assertThrows(IllegalArgumentException.class, () -> Preferences.DEFAULTS.withScreenRows(201));
        assertEquals(Optional.of(Preferences.CP437), Preferences.charsetNamed(" cp437 "));
        assertEquals(Optional.of(StandardCharsets.UTF_8), Preferences.charsetNamed("utf8"));
        assertEquals(Optional.empty(), Preferences.charsetNamed("latin1"));
    }
}
