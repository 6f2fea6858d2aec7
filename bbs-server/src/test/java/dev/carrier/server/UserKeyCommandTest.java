package dev.carrier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carrier.sshkey.PublicKeyText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** carrier user key add|list|remove, on a stopped and on a running server, and a key so added logging in over SSH. */
class UserKeyCommandTest {

    /** A key made once with ssh-keygen for these tests; only its public half is needed. */
    private static final String KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINCRVX1X+Z5xL7iF3pHnaXc3otEt+OZIyGX1GaSEguod alice@laptop";

    @TempDir
    Path data;

    @TempDir
    Path home;

    @Test
    void aKeyIsAddedListedAndRemovedWhileTheServerIsStopped() throws Exception {
        Cli.addUser(data, "alice", "secret1").succeeded();
        String fingerprint = fingerprintOf(KEY);

        assertEquals("added the ssh-ed25519 key " + fingerprint + " (alice@laptop) to alice\n",
                Cli.runWithInput(data, KEY + "\n", "user", "key", "add", "ALICE").succeeded().out());

        String list = Cli.run(data, "user", "key", "list", "alice").succeeded().out();
        assertTrue(list.startsWith("#"), list);
        assertTrue(list.matches("(?s).*\\n1\\s+" + Pattern.quote(fingerprint)
                + "\\s+ssh-ed25519\\s.*alice@laptop\\n.*"), list);
        assertTrue(list.endsWith("1 key\n"), list);

        assertEquals("removed the key " + fingerprint + " from alice\n",
                Cli.run(data, "user", "key", "remove", "alice", fingerprint).succeeded().out());
        String after = Cli.run(data, "user", "key", "list", "alice").succeeded().out();
        assertFalse(after.contains(fingerprint), after);
        assertTrue(after.endsWith("0 keys\n"), after);

        String audit = Cli.run(data, "audit").succeeded().out();
        assertTrue(audit.contains("user.key.add"), audit);
        assertTrue(audit.contains("user.key.remove"), audit);
        assertTrue(audit.contains("alice " + fingerprint), audit);
    }

    @Test
    void theCommandsWorkThroughTheRunningServer() throws Exception {
        String fingerprint = fingerprintOf(KEY);
        try (TestServer bbs = TestServer.start(data)) {
            bbs.register("alice", "secret1").close();
            Cli.run(data, "user", "key", "add", "alice", "--key", KEY).succeeded();

            JsonNode keys = new ObjectMapper().readTree(
                    Cli.run(data, "user", "key", "list", "alice", "--json").succeeded().out());
            assertEquals(1, keys.size());
            assertEquals(fingerprint, keys.get(0).get("fingerprint").asText());
            assertEquals("ssh-ed25519", keys.get(0).get("type").asText());
            assertEquals("alice@laptop", keys.get(0).get("comment").asText());
            assertTrue(keys.get(0).hasNonNull("addedAt"), keys.toString());
            long owner = bbs.server().users().find("alice").orElseThrow().id();
            assertEquals(1, bbs.server().sshKeys().keysOf(owner).size());

            // The fingerprint may be given without its SHA256: prefix.
            Cli.run(data, "user", "key", "remove", "alice", fingerprint.substring("SHA256:".length())).succeeded();
            assertEquals(0, bbs.server().sshKeys().keysOf(owner).size());
            assertEquals(0, new ObjectMapper().readTree(
                    Cli.run(data, "user", "key", "list", "alice", "--json").succeeded().out()).size());
        }
    }

    @Test
    void aLineThatIsNotAKeyIsRefusedAndSaysWhatToDo() {
        Cli.addUser(data, "alice", "secret1").succeeded();
        Cli.Result bad = Cli.run(data, "user", "key", "add", "alice", "--key", "hello there");
        assertEquals(1, bad.code(), bad.toString());
        assertTrue(bad.err().startsWith("carrier: not an OpenSSH public key: paste one line such as "
                + "ssh-ed25519 AAAA... you@host"), bad.err());

        Cli.Result empty = Cli.runWithInput(data, "\n", "user", "key", "add", "alice");
        assertEquals(1, empty.code(), empty.toString());
        assertTrue(empty.err().contains("no key on standard input"), empty.err());

        Cli.Result unknown = Cli.run(data, "user", "key", "remove", "alice", "SHA256:nothing");
        assertEquals(1, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("alice has no key SHA256:nothing"), unknown.err());

        Cli.Result nobody = Cli.run(data, "user", "key", "add", "nobody", "--key", KEY);
        assertEquals(1, nobody.code(), nobody.toString());
        assertEquals("carrier: no user named nobody\n", nobody.err());
        assertTrue(Cli.run(data, "user", "key", "list", "alice").succeeded().out().endsWith("0 keys\n"));
    }

    @Test
    void aKeyAddedByTheCommandLogsInOverSsh() throws Exception {
        OpenSsh.requireClients();
        try (TestServer bbs = TestServer.start(ServerConfig.forTests(data).toBuilder().sshPort(Port.anyFree()).build())) {
            bbs.register("alice", "secret1").close();
            Path key = OpenSsh.newKey(home);
            String line = Files.readString(key.resolveSibling("id_ed25519.pub"));
            Cli.runWithInput(data, line, "user", "key", "add", "alice").succeeded();
            try (OpenSsh ssh = OpenSsh.withKey(bbs.server().sshPort(), "alice", key, List.of("-tt"))) {
                ssh.await("Welcome back, alice!").await("Main menu: ");
                assertFalse(ssh.output().contains("password"), ssh.output());
            }
        }
    }

    /** The fingerprint as OpenSSH's own ssh-keygen prints it, when installed; else as the key parser computes it. */
    private String fingerprintOf(String line) throws IOException, InterruptedException {
        if (!Path.of("/usr/bin/ssh-keygen").toFile().canExecute()) return PublicKeyText.parse(line).fingerprint();
        Path file = home.resolve("key.pub");
        Files.writeString(file, line + "\n");
        Process keygen = new ProcessBuilder("/usr/bin/ssh-keygen", "-lf", file.toString()).redirectErrorStream(true).start();
        String out = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keygen.waitFor(30, TimeUnit.SECONDS) && keygen.exitValue() == 0, out);
        return out.split("\\s+")[1];
    }
}
