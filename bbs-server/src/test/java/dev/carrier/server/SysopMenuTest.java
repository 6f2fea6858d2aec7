package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main menu's sysop entry: listed and taken for sysops only; the sysop service checks again. */
class SysopMenuTest {

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

    @Test
    void othersNeitherSeeNorReachTheSysopEntry() {
        TelnetTestClient bob = bbs.register("bob", "secret2");
        assertFalse(bob.transcript().contains("Sysop"), bob.transcript());
        bob.send("s");
        bob.awaitText("No such choice: s", WAIT);
    }

    @Test
    void aSysopSeesTheEntryAndManagesNodesFromIt() {
        Cli.addUser(data, "sysop", "secret1", "--sysop").succeeded();
        TelnetTestClient bob = bbs.register("bob", "secret2");
        TelnetTestClient sysop = bbs.login("sysop", "secret1");
        assertTrue(sysop.transcript().contains("[S] Sysop: nodes, kick, broadcast"), sysop.transcript());

        sysop.send("s");
        sysop.awaitText("== Sysop ==", WAIT);
        sysop.awaitPattern(Pattern.compile("1\\s+bob\\s+telnet\\s+127\\.0\\.0\\.1\\S*\\s+Main Menu"), WAIT);
        sysop.awaitText("sysop> ", WAIT);

        sysop.sendLine("broadcast Hello from the sysop");
        bob.awaitText("*** SYSOP: Hello from the sysop", WAIT);

        sysop.sendLine("kick bob");
        sysop.awaitText("*** Kicked bob (node 1)", WAIT);
        assertTrue(bob.awaitClosed(WAIT));

        sysop.sendLine("quit");
        sysop.awaitText("Main menu: ", WAIT);
    }

    @Test
    void rightsTakenAwayCloseTheSysopMenuToo() {
        Cli.addUser(data, "sysop", "secret1", "--sysop").succeeded();
        TelnetTestClient sysop = bbs.login("sysop", "secret1");
        Cli.run(data, "user", "sysop", "sysop", "--revoke").succeeded();
        sysop.send("s"); // the menu still lists it, from the login; the service says no
        sysop.awaitText("Only sysops can use the sysop menu.", WAIT);
        sysop.awaitText("Main menu: ", WAIT);
    }
}
