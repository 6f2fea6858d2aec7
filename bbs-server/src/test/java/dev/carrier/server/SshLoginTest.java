package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.auth.LoginLimits;
import dev.carrier.session.Session;
import dev.carrier.sshkey.PublicKeyText;
import dev.carrier.sshkey.SshKeyStore;
import dev.carrier.telnet.TelnetTestClient;
import dev.carrier.user.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSH callers with Debian's OpenSSH client: password, key and registration, and what is refused;
 * then, once in, a key added on the profile's keys screen and a resized window.
 */
class SshLoginTest {

    private static final String CSI = "\u001b[";

    @TempDir
    Path data;

    @TempDir
    Path home;

    private TestServer bbs;
    private int port;

    @BeforeEach
    void start() {
        OpenSsh.requireClients();
        bbs = TestServer.start(ServerConfig.forTests(data).toBuilder().sshPort(Port.anyFree()).build());
        port = bbs.server().sshPort();
    }

    @AfterEach
    void stop() {
        if (bbs != null) bbs.close();
    }

    private User alice() {
        return bbs.server().users().create("alice", bbs.server().hasher().hash("secret1"));
    }

    /** alice, with a new Ed25519 key of hers in the store; answers the private key's path. */
    private Path aliceWithAKey() throws Exception {
        User alice = alice();
        Path key = OpenSsh.newKey(home);
        bbs.server().sshKeys().add(alice.id(),
                PublicKeyText.parse(Files.readString(key.resolveSibling("id_ed25519.pub"))), Instant.now());
        return key;
    }

    @Test
    void passwordLoginReachesTheMenuAsAnSshCaller() {
        alice();
        try (OpenSsh ssh = OpenSsh.withPassword(port, "alice", "secret1")) {
            ssh.await("Welcome back, alice!").await("Main menu: ");
            assertTrue(bbs.server().nodes().sessions().stream()
                    .map(Session::terminal).anyMatch(t -> t.info().transport().equals("ssh")));
            ssh.sendLine("w").await("ssh");
        }
    }

    @Test
    void keyLoginSkipsThePassword() throws Exception {
        User alice = alice();
        Path key = OpenSsh.newKey(home);
        String line = Files.readString(key.resolveSibling("id_ed25519.pub"));
        assertEquals(SshKeyStore.Added.ADDED,
                bbs.server().sshKeys().add(alice.id(), PublicKeyText.parse(line), Instant.now()));
        try (OpenSsh ssh = OpenSsh.withKey(port, "alice", key, List.of("-tt"))) {
            ssh.await("Welcome back, alice!").await("Main menu: ");
            assertTrue(!ssh.output().contains("password"), ssh.output());
        }
    }

    @Test
    void anotherUsersKeyOpensNothing() throws Exception {
        Path key = aliceWithAKey();
        bbs.server().users().create("bob", bbs.server().hasher().hash("secret2"));
        try (OpenSsh ssh = OpenSsh.withKey(port, "bob", key, List.of("-tt"))) {
            assertEquals(255, ssh.exitCode(WAIT));
            assertTrue(ssh.output().contains("Permission denied"), ssh.output());
        }
    }

    @Test
    void newAtHostStartsRegistration() {
        try (OpenSsh ssh = OpenSsh.registering(port)) {
            ssh.await("new handle: ").sendLine("carol")
                    .await("new password: ").sendLine("secret3")
                    .await("repeat password: ").sendLine("secret3")
                    .await("Welcome to Carrier BBS, carol!").await("Main menu: ");
        }
        assertTrue(bbs.server().users().find("carol").isPresent());
    }

    @Test
    void execIsRefused() throws Exception {
        Path key = aliceWithAKey();
        try (OpenSsh ssh = OpenSsh.withKey(port, "alice", key, List.of(), "echo", "hello")) {
            assertNotEquals(0, ssh.exitCode(WAIT));
            assertTrue(ssh.output().contains("exec request failed"), ssh.output());
        }
    }

    @Test
    void remoteForwardingIsRefused() throws Exception {
        Path key = aliceWithAKey();
        try (OpenSsh ssh = OpenSsh.withKey(port, "alice", key,
                List.of("-N", "-o", "ExitOnForwardFailure=yes", "-R", "0:127.0.0.1:9"))) {
            assertEquals(255, ssh.exitCode(WAIT));
            assertTrue(ssh.output().contains("forwarding failed"), ssh.output());
        }
    }

    @Test
    void failedSshPasswordsCountAgainstTheTelnetBudget() throws Exception {
        bbs.close();
        // An address may fail once in ten minutes, over every transport together.
        ServerConfig config = ServerConfig.forTests(data).toBuilder().sshPort(Port.anyFree()).build();
        bbs = TestServer.start(config.withEngine(config.engine().withLoginLimits(
                LoginLimits.defaults().withBudgets(LoginLimits.DEFAULT_PAIR_FREE_FAILURES, 1, 100))));
        port = bbs.server().sshPort();
        alice();
        try (OpenSsh ssh = OpenSsh.withPassword(port, "alice", "wrong-password",
                "-o", "PreferredAuthentications=password")) {
            assertEquals(5, ssh.exitCode(WAIT), ssh.output()); // sshpass: the password was refused
        }
        TelnetTestClient telnet = bbs.call();
        telnet.sendLine("alice");
        telnet.awaitText("password: ", WAIT);
        telnet.sendLine("secret1");
        telnet.awaitText("Too many failed logins", WAIT);
    }

    // ---- once in ----

    @Test
    void aKeyAddedOnTheProfileScreenOverSshLogsInWithSshI() throws Exception {
        alice();
        Path key = OpenSsh.newKey(home);
        String line = Files.readString(key.resolveSibling("id_ed25519.pub")).strip();
        String fingerprint = PublicKeyText.parse(line).fingerprint();
        try (OpenSsh ssh = OpenSsh.withPassword(port, "alice", "secret1")) {
            ssh.await("Main menu: ").sendLine("p").await("Profile: ").sendLine("k").await("No keys yet.")
                    .await("SSH keys: ").sendLine("a").await("Enter cancels: ").sendLine(line)
                    .await("Key added: ssh-ed25519 " + fingerprint)
                    .await("test@carrier, added ")
                    .sendLine("q").await("Profile: ").sendLine("q").await("Main menu: ").sendLine("g");
            assertEquals(0, ssh.exitCode(WAIT), ssh.output());
        }
        try (OpenSsh ssh = OpenSsh.withKey(port, "alice", key, List.of("-tt"))) {
            ssh.await("Welcome back, alice!").await("Main menu: ");
            assertFalse(ssh.output().contains("password"), ssh.output());
        }
    }

    @Test
    void aResizedWindowReachesTheSessionThroughWindowChange() throws Exception {
        Path key = aliceWithAKey();
        try (OpenSsh ssh = OpenSsh.inTerminal(port, "alice", key, 80, 24, home.resolve("size"))) {
            // The chat screen lays the room out over rows 1 to H-2 of what pty-req said.
            ssh.await("Main menu: ").sendLine("c").await(CSI + "1;22r").await("*** Welcome to chat.");

            ssh.resizeTo(100, 30);
            ssh.await(CSI + "1;28r"); // redrawn for the new height
            ssh.sendLine("/quit").await("Main menu: ").sendLine("p").await("30 lines (from your terminal)");

            ssh.resizeTo(90, 40);
            TestServer.eventually().until(() -> bbs.server().nodes().sessions().stream()
                    .anyMatch(s -> s.terminal().info().columns() == 90 && s.terminal().info().rows() == 40));
            ssh.sendLine("q").await("Main menu: ").sendLine("p").await("40 lines (from your terminal)");
        }
    }
}
