package dev.carrier.server;

import static dev.carrier.server.MailSteps.mail;
import static dev.carrier.server.MailSteps.openInbox;
import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import dev.carrier.user.Preferences;
import dev.carrier.user.User;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** P on the main menu: every field, checked, stored, in effect at once and visible to others. */
class ProfileTest {

    private static final String PROFILE_PROMPT = "Profile: ";
    private static final byte[] RULE_UTF8 = "\u2500\u2500\u2500".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RULE_CP437 = {(byte) 0xc4, (byte) 0xc4, (byte) 0xc4};

    @TempDir
    Path data;

    private TestServer bbs;

    @BeforeEach
    void start() {
        bbs = TestServer.start(data);
    }

    @AfterEach
    void stop() {
        bbs.close();
    }

    private static String openProfile(TelnetTestClient client) {
        client.send("p");
        return client.awaitText(PROFILE_PROMPT, WAIT);
    }

    /** At the profile prompt: picks a field by its key and types a value for it. */
    private static void edit(TelnetTestClient client, String key, String value) {
        client.send(key);
        client.awaitText("Enter keeps it: ", WAIT);
        client.sendLine(value);
    }

    private User stored(String handle) {
        return bbs.server().users().find(handle).orElseThrow();
    }

    @Test
    void nameTaglineAndLocationAreSavedAndOthersSeeThemInWhois() {
        TelnetTestClient bob = TestServer.enterChat(bbs.register("bob", "secret-bob"));
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        openProfile(alice);
        edit(alice, "d", "Alice Liddell");
        alice.awaitText("Display name saved.", WAIT);
        alice.awaitText("[D] Display name  Alice Liddell", WAIT);
        alice.awaitText(PROFILE_PROMPT, WAIT);
        edit(alice, "t", "down the \u001b[31mrabbit\u0007 hole");
        alice.awaitText("Tagline saved.", WAIT);
        alice.awaitText("[T] Tagline       down the rabbit hole", WAIT);
        edit(alice, "L", "Oxford");
        alice.awaitText("Location saved.", WAIT);
        alice.awaitText(PROFILE_PROMPT, WAIT);

        User stored = stored("alice");
        assertEquals("Alice Liddell", stored.displayName());
        assertEquals("down the rabbit hole", stored.tagline());
        assertEquals("Oxford", stored.location());

        bob.sendLine("/whois alice");
        bob.awaitText("Alice Liddell (alice)", WAIT);
        bob.awaitText("From:      Oxford", WAIT);
        bob.awaitText("\"down the rabbit hole\"", WAIT);

        alice.sendLine("t");
        alice.awaitText("Enter keeps it: ", WAIT);
        alice.sendLine("-");
        alice.awaitText("Tagline saved.", WAIT);
        alice.awaitText("[T] Tagline       (none)", WAIT);
        alice.sendLine("d");
        alice.awaitText("Enter keeps it: ", WAIT);
        alice.sendLine("");
        alice.awaitText("Display name unchanged.", WAIT);
        assertEquals("", stored("alice").tagline());
        assertEquals("Alice Liddell", stored("alice").displayName());
        alice.send("q");
        alice.awaitText("Main menu: ", WAIT);
    }

    @Test
    void everyFieldRefusesBadValuesSayingWhatIsAllowed() {
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        openProfile(alice);
        edit(alice, "d", "x".repeat(41));
        alice.awaitText("Display name must be 1-40 characters (or - to show your handle instead).", WAIT);
        alice.awaitText("Enter keeps it: ", WAIT);
        alice.sendLine("");
        alice.awaitText(PROFILE_PROMPT, WAIT);
        edit(alice, "t", "t".repeat(81));
        alice.awaitText("Tagline must be at most 80 characters, on one line.", WAIT);
        alice.sendLine("");
        alice.awaitText(PROFILE_PROMPT, WAIT);
        edit(alice, "l", "l".repeat(41));
        alice.awaitText("Location must be at most 40 characters.", WAIT);
        alice.sendLine("");
        alice.awaitText(PROFILE_PROMPT, WAIT);
        edit(alice, "c", "koi8-r");
        alice.awaitText("Charset must be UTF-8 or CP437.", WAIT);
        alice.sendLine("");
        alice.awaitText(PROFILE_PROMPT, WAIT);
        edit(alice, "a", "blue");
        alice.awaitText("ANSI colour must be on or off.", WAIT);
        alice.sendLine("");
        alice.awaitText(PROFILE_PROMPT, WAIT);
        edit(alice, "h", "5");
        alice.awaitText("Screen height must be 10-200 lines, or 0 to follow your terminal.", WAIT);
        alice.sendLine("");
        alice.awaitText(PROFILE_PROMPT, WAIT);
        alice.send("z");
        alice.awaitText("No such choice: z. Pick one of the keys in brackets.", WAIT);

        User stored = stored("alice");
        assertEquals("", stored.displayName());
        assertEquals(Preferences.DEFAULTS, stored.preferences());
    }

    @Test
    void switchingToCp437ChangesTheBytesSentNowAndAtTheNextLogin() {
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        openProfile(alice);
        alice.awaitBytes(RULE_UTF8, WAIT); // the card's rule, U+2500 as UTF-8: E2 94 80

        edit(alice, "c", "cp437");
        alice.awaitText("Charset saved.", WAIT);
        alice.awaitBytes(RULE_CP437, WAIT); // the card drawn again: U+2500 is one byte, C4
        alice.useCharset(Preferences.CP437);
        alice.awaitText("[C] Charset       CP437", WAIT);
        assertEquals(Optional.of(Preferences.CP437), stored("alice").preferences().charset());

        TelnetTestClient again = bbs.login("alice", "secret-alice");
        openProfile(again);
        again.awaitBytes(RULE_CP437, WAIT);
        assertFalse(contains(again.rawBytes(), RULE_UTF8), "UTF-8 box drawing after logging in with CP437 chosen");

        again.useCharset(Preferences.CP437);
        edit(again, "c", "utf-8");
        again.awaitText("Charset saved.", WAIT);
        again.awaitBytes(RULE_UTF8, WAIT);
    }

    @Test
    void colourOnDrawsWithAnsiAndOffDrawsPlainText() {
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        String plain = openProfile(alice);
        assertFalse(plain.contains("\u001b["), plain);
        edit(alice, "a", "on");
        alice.awaitText("ANSI colour saved.", WAIT);
        String coloured = alice.awaitText(PROFILE_PROMPT, WAIT);
        assertTrue(coloured.contains("\u001b[36m\u2500\u2500 Profile of alice"), coloured);
        alice.send("q");
        alice.awaitText("Main menu: ", WAIT);
        String inbox = openInbox(alice);
        assertTrue(inbox.contains("\u001b[36m\u2500\u2500 Mail for alice"), inbox);
        assertTrue(stored("alice").preferences().colour());
    }

    @Test
    void theChatLayoutIsChosenInTheProfileAndChatFollowsIt() {
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        String card = openProfile(alice);
        assertTrue(card.contains("Chat layout"), card);
        edit(alice, "s", "sideways");
        alice.awaitText("Chat layout must be screen or plain.", WAIT);
        alice.awaitText("Enter keeps it: ", WAIT); // asked again
        alice.sendLine("plain");
        alice.awaitText("Chat layout saved.", WAIT);
        assertEquals(dev.carrier.user.ChatLayout.PLAIN, stored("alice").preferences().chatLayout());
        alice.send("q");
        alice.awaitText("Main menu: ", WAIT);
        alice.send("c");
        alice.awaitText("/layout screen to change how it looks.", WAIT);
    }

    @Test
    void aChosenScreenHeightRulesThePager() {
        TelnetTestClient alice = bbs.register("alice", "secret-alice");
        mail(alice, "alice", "note to self", MailTest.numberedLines(40));
        openProfile(alice);
        edit(alice, "h", "12");
        alice.awaitText("Screen height saved.", WAIT);
        alice.awaitText("[H] Screen height 12 lines", WAIT);
        alice.send("q");
        alice.awaitText("Main menu: ", WAIT);
        openInbox(alice);
        alice.sendLine("1");
        String first = alice.awaitText("-- More (", WAIT);
        assertTrue(first.contains("line 04\r\n") && !first.contains("line 05"), first);
    }

    @Test
    void aNewPasswordLogsOutTheUsersOtherSessions() {
        TelnetTestClient alice = bbs.register("alice", "old-secret");
        TelnetTestClient aliceInChat = TestServer.enterChat(bbs.login("alice", "old-secret"));
        TelnetTestClient bob = bbs.register("bob", "secret-bob");

        openProfile(alice);
        alice.send("p");
        alice.awaitText("Current password: ", WAIT);
        alice.sendLine("old-secret");
        alice.awaitText("New password (Enter keeps the old one): ", WAIT);
        alice.sendLine("new-secret");
        alice.awaitText("Repeat new password: ", WAIT);
        alice.sendLine("new-secret");
        alice.awaitText("Password changed. Your other session was logged out.", WAIT);
        alice.awaitText(PROFILE_PROMPT, WAIT);

        aliceInChat.awaitText("Your password was changed on another connection. Please log in again", WAIT);
        assertTrue(aliceInChat.awaitClosed(WAIT));
        assertFalse(alice.isClosed());
        assertFalse(bob.isClosed());

        TelnetTestClient old = bbs.call();
        old.sendLine("alice");
        old.awaitText("password: ", WAIT);
        old.sendLine("old-secret");
        old.awaitText("Login incorrect.", WAIT);
        bbs.login("alice", "new-secret");
    }

    @Test
    void theCurrentPasswordIsCheckedAndTheNewOneMustFollowTheRules() {
        TelnetTestClient alice = bbs.register("alice", "old-secret");
        TelnetTestClient other = bbs.login("alice", "old-secret");
        openProfile(alice);
        alice.send("p");
        alice.awaitText("Current password: ", WAIT);
        alice.sendLine("guess");
        alice.awaitText("That is not your current password; it stays as it was.", WAIT);
        alice.awaitText(PROFILE_PROMPT, WAIT);
        alice.send("p");
        alice.sendLine("old-secret");
        alice.awaitText("New password (Enter keeps the old one): ", WAIT);
        alice.sendLine("short");
        alice.awaitText("Password must be 6 to 72 characters.", WAIT);
        alice.sendLine("first-choice");
        alice.awaitText("Repeat new password: ", WAIT);
        alice.sendLine("second-choice");
        alice.awaitText("Passwords do not match; try again.", WAIT);
        alice.awaitText("New password (Enter keeps the old one): ", WAIT);
        alice.sendLine("");
        alice.awaitText("Password unchanged.", WAIT);
        assertFalse(alice.transcript().contains("first-choice"), "a password was echoed");
        assertFalse(other.isClosed());
        bbs.login("alice", "old-secret");
    }

    @Test
    void guessingTheCurrentPasswordHangsUpAfterAFewTries() {
        TelnetTestClient alice = bbs.register("alice", "old-secret");
        openProfile(alice);
        for (int i = 0; i < 3; i++) {
            alice.send("p");
            alice.awaitText("Current password: ", WAIT);
            alice.sendLine("guess-" + i);
            alice.awaitText("That is not your current password", WAIT);
        }
        alice.awaitText("Too many wrong passwords. Goodbye.", WAIT);
        assertTrue(alice.awaitClosed(WAIT));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return true;
        }
        return false;
    }
}
