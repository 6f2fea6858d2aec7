package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sysop dashboard in a real browser (the script sysop-dashboard.mjs, see {@link BrowserScript}):
 * a user who is not a sysop is turned away; the sysop sees who is on, live, the health, the last
 * hour's charts and the audit log, and kicks a caller, whose telnet line this test sees hung up.
 */
class SysopDashboardTest {

    private static final long DEADLINE_SECONDS = 120;

    @TempDir
    Path data;

    @Test
    void aSysopSeesCallersChartsAndAuditLiveAndKicksACallerFromTheBrowser() throws Exception {
        try (TestServer bbs = TestServer.start(data)) {
            bbs.createUser("sue", "secret-sue");
            Cli.run(data, "user", "sysop", "sue").succeeded();
            bbs.createUser("bob", "secret-bob");
            bbs.createUser("carol", "secret-carol");
            TelnetTestClient bob = TestServer.enterChat(bbs.login("bob", "secret-bob"));
            bob.sendLine("good morning");
            bob.sendLine("anyone here?");
            bob.awaitText("<bob> anyone here?", WAIT);
            Cli.run(data, "broadcast", "maintenance at noon").succeeded();

            String url = "http://127.0.0.1:" + bbs.server().webPort() + "/sysop";
            boolean kicked = false;
            try (BrowserScript browser = BrowserScript.start("sysop-dashboard.mjs", url, DEADLINE_SECONDS)) {
                for (Optional<String> line = browser.nextLine(); line.isPresent(); line = browser.nextLine()) {
                    if (line.get().equals("CONNECT-CAROL")) {
                        bbs.login("carol", "secret-carol");
                        browser.tell("CAROL-ON");
                    } else if (line.get().equals("KICKED-BOB")) {
                        assertTrue(bob.awaitClosed(WAIT), "bob's telnet line was hung up:\n" + bob.transcript());
                        kicked = true;
                    }
                }
                String output = browser.output();
                assertEquals(0, browser.exitCode(), "the browser test failed:\n" + output);
                assertTrue(output.contains("sysop dashboard test passed"), output);
                assertTrue(kicked, "the script never kicked bob:\n" + output);
                assertTrue(Files.size(BrowserScript.OUT.resolve("sysop-dashboard.png")) > 0, "a screenshot of the desk");
            }
        }
    }
}
