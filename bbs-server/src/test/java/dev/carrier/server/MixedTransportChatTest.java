package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One room, three transports, each with its real client: alice over SSH (Debian's OpenSSH),
 * bob over telnet, carol in a browser (headless Chromium, bbs-web/src/test/browser/mixed-chat.mjs).
 * Each sees the others' lines, and {@code /who} and {@code carrier who} name each one's transport.
 */
class MixedTransportChatTest {

    /** The whole browser run, from start to its word that it is done. */
    private static final long BROWSER_SECONDS = 120;

    @TempDir
    Path data;

    @Test
    void sshTelnetAndBrowserCallersChatTogetherAndWhoNamesTheirTransports() throws Exception {
        OpenSsh.requireClients();
        try (TestServer bbs = TestServer.start(ServerConfig.forTests(data).toBuilder().sshPort(Port.anyFree()).build())) {
            for (String handle : new String[] {"alice", "bob", "carol"}) bbs.createUser(handle, "secret-" + handle);

            try (OpenSsh alice = OpenSsh.withPassword(bbs.server().sshPort(), "alice", "secret-alice");
                    TelnetTestClient bob = TestServer.enterChat(bbs.login("bob", "secret-bob"))) {
                alice.await("Main menu: ").sendLine("c").await("*** Welcome to chat.");
                try (BrowserScript carol = BrowserScript.start("mixed-chat.mjs", "http://127.0.0.1:" + bbs.server().webPort() + "/",
                        BROWSER_SECONDS, "--handle", "carol", "--password", "secret-carol")) {
                    alice.await("<carol> hello from the browser");
                    bob.awaitText("<carol> hello from the browser", WAIT);
                    alice.sendLine("hello from ssh");
                    bob.awaitText("<alice> hello from ssh", WAIT);
                    bob.sendLine("hello from telnet");
                    alice.await("<bob> hello from telnet");

                    carol.await("in chat until the test says BYE");
                    bob.sendLine("/who");
                    bob.awaitPattern(Pattern.compile("alice\\b[^\\n]*\\bssh\\b"), WAIT);
                    String who = Cli.run(data, "who").succeeded().out();
                    assertTrue(Pattern.compile("(?m)^.*\\balice\\b.*\\bssh\\b").matcher(who).find(), who);
                    assertTrue(Pattern.compile("(?m)^.*\\bbob\\b.*\\btelnet\\b").matcher(who).find(), who);
                    assertTrue(Pattern.compile("(?m)^.*\\bcarol\\b.*\\bweb\\b").matcher(who).find(), who);

                    carol.tell("BYE");
                    String browser = carol.awaitSuccess();
                    assertTrue(browser.contains("the browser saw the ssh and the telnet caller's lines"), browser);
                }
            }
        }
    }
}
