package dev.carrier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fingerprints a sysop hands out so that callers can check the server on first contact: what
 * {@code carrier serve} prints at start-up and {@code carrier status} shows are the fingerprints
 * OpenSSH's own tools see on the port ({@code ssh-keyscan | ssh-keygen -l}).
 */
class HostKeyFingerprintsTest {

    private static final Pattern FINGERPRINT = Pattern.compile("(ssh-ed25519|ssh-rsa) (SHA256:[A-Za-z0-9+/]{43})");

    @TempDir
    Path data;

    @Test
    void startUpAndStatusShowTheFingerprintsOpenSshSeesOnThePort() throws Exception {
        OpenSsh.requireClients();
        try (ChildServer server = ChildServer.start(data)) {
            // Printed after the "is up" line the start waits for.
            TestServer.eventually().until(() -> fingerprints(server.output(), "host key ").size() == 2);
            Set<String> printed = fingerprints(server.output(), "host key ");

            String status = Cli.run(data, "status").succeeded().out();
            assertEquals(printed, fingerprints(status, "ssh host key:"), status);

            assertEquals(printed, seenByOpenSsh(server.sshPort()));
        }
    }

    /** {@code TYPE SHA256:...} from the lines that contain {@code label}. */
    private static Set<String> fingerprints(String text, String label) {
        Set<String> found = new TreeSet<>();
        for (String line : text.split("\n")) {
            Matcher m = FINGERPRINT.matcher(line);
            if (line.contains(label) && m.find()) found.add(m.group(1) + " " + m.group(2));
        }
        return found;
    }

    /** ssh-keyscan fetches the host keys as a client does; ssh-keygen -l prints their fingerprints. */
    private static Set<String> seenByOpenSsh(int port) throws IOException, InterruptedException {
        String keys = run(List.of("ssh-keyscan", "-p", "" + port, "-t", "ed25519,rsa", "127.0.0.1"), "");
        String listed = run(List.of("ssh-keygen", "-l", "-f", "-"), keys);
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("(SHA256:\\S+) .*\\((ED25519|RSA)\\)").matcher(listed);
        while (m.find()) found.add((m.group(2).equals("RSA") ? "ssh-rsa" : "ssh-ed25519") + " " + m.group(1));
        assertTrue(found.size() == 2, "ssh-keyscan said:\n" + keys + "ssh-keygen -l said:\n" + listed);
        return found;
    }

    private static String run(List<String> command, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), command.get(0) + " did not end");
        return out;
    }
}
