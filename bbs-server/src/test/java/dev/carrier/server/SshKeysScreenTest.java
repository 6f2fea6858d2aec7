package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.sshkey.PublicKeyText;
import dev.carrier.sshkey.SshKey;
import dev.carrier.sshkey.SshKeyStore;
import dev.carrier.sshkey.TestKeys;
import dev.carrier.telnet.TelnetTestClient;
import dev.carrier.user.User;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * P then K: a caller's own SSH keys, listed with fingerprints and comments, added by pasting a
 * line, removed by number after a question; refusals say why and keep the caller on the screen.
 * Over telnet and the browser terminal here; over SSH in {@link SshLoginTest}.
 */
class SshKeysScreenTest {

    private static final String KEYS_PROMPT = "SSH keys: ";
    private static final String PASTE = "Enter cancels: ";

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

    /** What the steps need of a terminal caller, over whichever transport. */
    private interface Caller {
        void send(String keys);

        void sendLine(String line);

        String await(String text);

        static Caller of(TelnetTestClient client) {
            return new Caller() {
                public void send(String keys) { client.send(keys); }
                public void sendLine(String line) { client.sendLine(line); }
                public String await(String text) { return client.awaitText(text, WAIT); }
            };
        }

        static Caller of(WebSocketTestClient client) {
            return new Caller() {
                public void send(String keys) { client.send(keys); }
                public void sendLine(String line) { client.sendLine(line); }
                public String await(String text) { return client.awaitText(text, WAIT); }
            };
        }
    }

    /** From the main menu to the SSH keys screen; answers what it showed. */
    private static String openKeys(Caller caller) {
        caller.send("p");
        caller.await("Profile: ");
        caller.send("k");
        return caller.await(KEYS_PROMPT);
    }

    /** At the keys screen: A, the pasted line; answers what came back up to the next keys prompt. */
    private static String paste(Caller caller, String line) {
        caller.send("a");
        caller.await(PASTE);
        caller.sendLine(line);
        return caller.await(KEYS_PROMPT);
    }

    private static void assertSays(String shown, String expected) {
        assertTrue(shown.contains(expected), "expected \"" + expected + "\" in:\n" + shown);
    }

    private List<SshKey> keysOf(String handle) {
        return bbs.server().sshKeys().keysOf(bbs.server().users().find(handle).orElseThrow().id());
    }

    @Test
    void aKeyIsAddedListedAndRemovedWithAQuestionAndEachChangeIsAudited() throws Exception {
        Caller alice = Caller.of(bbs.register("alice", "secret-alice"));
        assertTrue(openKeys(alice).contains("No keys yet."));
        String line = TestKeys.ed25519("alice@laptop");
        String fingerprint = PublicKeyText.parse(line).fingerprint();

        String added = paste(alice, line);
        assertTrue(added.contains("Key added: ssh-ed25519 " + fingerprint), added);
        assertTrue(Pattern.compile("\\s1\\s+ssh-ed25519 " + Pattern.quote(fingerprint) + "\\R\\s+alice@laptop, added ")
                .matcher(added).find(), added);
        assertEquals(List.of(fingerprint), keysOf("alice").stream().map(SshKey::fingerprint).toList());

        alice.send("r");
        alice.await("Number of the key to remove (1-1); Enter cancels: ");
        alice.sendLine("1");
        alice.await("Remove key 1, ssh-ed25519 " + fingerprint + " (alice@laptop)? (y/N): ");
        alice.send("n");
        alice.await("No key removed.");
        assertEquals(1, keysOf("alice").size());

        alice.send("r");
        alice.await("Enter cancels: ");
        alice.sendLine("1");
        alice.await("(y/N): ");
        alice.send("y");
        alice.await("Key " + fingerprint + " removed; it no longer logs you in.");
        assertTrue(alice.await(KEYS_PROMPT).contains("No keys yet."));
        assertEquals(0, keysOf("alice").size());

        alice.send("q");
        alice.await("Profile: ");

        JsonNode audit = JsonClient.JSON.readTree(Cli.run(data, "audit", "--json").succeeded().out());
        List<String> entries = audit.findValuesAsText("action");
        assertTrue(entries.containsAll(List.of("user.key.add", "user.key.remove")), audit.toString());
        for (JsonNode entry : audit) {
            if (entry.path("action").asText().startsWith("user.key.")) {
                assertEquals("alice", entry.path("actor").asText(), entry.toString());
                assertEquals("alice " + fingerprint + " (alice@laptop)", entry.path("detail").asText());
            }
        }
    }

    @Test
    void anRsaKeyLineLongerThanATypedLineIsTakenWholeInTheBrowserTerminal() {
        Caller alice = Caller.of(bbs.browserRegister("alice", "secret-alice"));
        openKeys(alice);
        // An RSA-4096 line is about 730 characters; with a long comment it passes the 1024 of a typed line.
        String line = TestKeys.rsa(4096, "alice-" + "x".repeat(400));
        assertTrue(line.length() > 1024, "the line is " + line.length() + " characters");

        String added = paste(alice, line);
        assertTrue(added.contains("Key added: ssh-rsa " + PublicKeyText.parse(line).fingerprint()), added);
        List<SshKey> keys = keysOf("alice");
        assertEquals(1, keys.size());
        assertEquals(PublicKeyText.parse(line).blob(), keys.get(0).key().blob());
        assertTrue(!added.contains("Line too long"), added);
    }

    @Test
    void linesThatAreNotKeysAreRefusedWithTheReasonAndNothingIsStored() {
        Caller alice = Caller.of(bbs.register("alice", "secret-alice"));
        openKeys(alice);
        String line = TestKeys.ed25519("alice@laptop");

        assertSays(paste(alice, "hello"),
                "That is not an OpenSSH public key: paste one OpenSSH public key line");
        assertSays(paste(alice, "ssh-dss AAAAB3NzaC1kc3MAAACBAP== me@old"),
                "key type ssh-dss is not supported; use one of ecdsa-sha2-nistp256");
        assertSays(paste(alice, line.substring(0, line.indexOf(' ') + 40)), "is cut short or damaged");
        assertSays(paste(alice, "ssh-ed25519 not*base64"), "not valid base64");
        assertEquals(0, keysOf("alice").size());

        alice.send("a");
        alice.await(PASTE);
        alice.sendLine("");
        alice.await("No key added.");
        alice.await(KEYS_PROMPT);

        alice.send("r");
        alice.await("You have no keys to remove.");
        alice.await(KEYS_PROMPT);
        assertEquals(0, keysOf("alice").size());
    }

    @Test
    void aDuplicateAnotherAccountsKeyAndOneKeyTooManyAreRefused() {
        User bob = bbs.server().users().create("bob", bbs.server().hasher().hash("secret-bob"));
        String bobs = TestKeys.ed25519("bob@desk");
        bbs.server().sshKeys().add(bob.id(), PublicKeyText.parse(bobs), Instant.now());
        Caller alice = Caller.of(bbs.register("alice", "secret-alice"));
        openKeys(alice);

        String line = TestKeys.ed25519("alice@laptop");
        paste(alice, line);
        assertSays(paste(alice, line), "You already have that key (" + PublicKeyText.parse(line).fingerprint() + ").");
        assertSays(paste(alice, bobs), "That key belongs to another account, and a key logs in to one account only.");

        long id = bbs.server().users().find("alice").orElseThrow().id();
        for (int i = 2; i <= SshKeyStore.MAX_KEYS_PER_USER; i++) {
            bbs.server().sshKeys().add(id, PublicKeyText.parse(TestKeys.ed25519("key-" + i)), Instant.now());
        }
        assertSays(paste(alice, TestKeys.ed25519("one-too-many")),
                "You already have 20 keys, the most an account may have; remove one first.");
        assertEquals(SshKeyStore.MAX_KEYS_PER_USER, keysOf("alice").size());
        assertEquals(1, keysOf("bob").size());
    }

    @Test
    void aNumberNotInTheListIsAskedForAgain() {
        Caller alice = Caller.of(bbs.register("alice", "secret-alice"));
        openKeys(alice);
        paste(alice, TestKeys.ed25519("one"));
        paste(alice, TestKeys.ed25519("two"));

        alice.send("r");
        alice.await("(1-2); Enter cancels: ");
        alice.sendLine("3");
        alice.await("There is no key 3; type a number from 1 to 2.");
        alice.await("(1-2); Enter cancels: ");
        alice.sendLine("2");
        alice.await("(two)? (y/N): ");
        alice.send("y");
        alice.await(" removed;");
        assertEquals(List.of("one"), keysOf("alice").stream().map(k -> k.key().comment()).toList());
    }
}
