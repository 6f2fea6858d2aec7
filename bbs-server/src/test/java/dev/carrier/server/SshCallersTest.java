package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.carrier.sshkey.PublicKeyText;
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
 * What an SSH caller does once in, with Debian's OpenSSH client: adds a key on the profile's
 * keys screen and logs in with it, and resizes their window.
 */
class SshCallersTest {

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
        User alice = alice();
        Path key = OpenSsh.newKey(home);
        bbs.server().sshKeys().add(alice.id(),
                PublicKeyText.parse(Files.readString(key.resolveSibling("id_ed25519.pub"))), Instant.now());
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
