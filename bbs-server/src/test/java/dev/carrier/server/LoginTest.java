package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginTest {

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
    void newUserRegistersThenLogsInAgain() {
        TelnetTestClient first = bbs.register("alice", "secret1");
        assertTrue(first.transcript().contains("Welcome to Carrier BBS, alice!"));
        first.sendLine("g");
        assertTrue(first.awaitClosed(WAIT));

        TelnetTestClient again = bbs.login("ALICE", "secret1");
        assertTrue(again.transcript().contains("Welcome back, alice!"));
    }

    @Test
    void passwordIsNeverEchoed() {
        bbs.register("alice", "hunter22");
        TelnetTestClient client = bbs.call();
        client.sendLine("alice");
        client.awaitText("password: ", WAIT);
        client.sendLine("hunter22");
        client.awaitText("Main menu: ", WAIT);
        assertFalse(client.transcript().contains("hunter22"), client.transcript());
        assertTrue(client.transcript().contains("********"), client.transcript());
    }

    @Test
    void wrongPasswordAndUnknownHandleReadTheSame() {
        bbs.register("alice", "secret1");
        TelnetTestClient client = bbs.call();
        client.sendLine("alice");
        client.awaitText("password: ", WAIT);
        client.sendLine("wrong!!");
        client.awaitText("Login incorrect.", WAIT);
        client.awaitText("login: ", WAIT);
        client.sendLine("nobody");
        client.awaitText("password: ", WAIT);
        client.sendLine("wrong!!");
        client.awaitText("Login incorrect.", WAIT);
    }

    @Test
    void threeFailedLoginsInARowHangUp() {
        TelnetTestClient client = bbs.call();
        for (int attempt = 1; attempt <= 3; attempt++) {
            client.sendLine("ghost");
            client.awaitText("password: ", WAIT);
            client.sendLine("nope-nope");
            client.awaitText("Login incorrect.", WAIT);
            if (attempt < 3) client.awaitText("login: ", WAIT);
        }
        client.awaitText("Too many failed logins. Goodbye.", WAIT);
        assertTrue(client.awaitClosed(WAIT));
    }

    @Test
    void reservedHandlesAreRefused() {
        TelnetTestClient client = bbs.call();
        client.sendLine("new");
        for (String reserved : new String[] {"sysop", "ALL", "New"}) {
            client.awaitText("new handle: ", WAIT);
            client.sendLine(reserved);
            client.awaitText("reserved", WAIT);
        }
    }

    @Test
    void malformedHandlesAreRefusedWithTheRule() {
        TelnetTestClient client = bbs.call();
        client.sendLine("new");
        client.awaitText("new handle: ", WAIT);
        client.sendLine("a");
        client.awaitText("handle must be 2-20 letters, digits, _ or -", WAIT);
        client.awaitText("new handle: ", WAIT);
        client.sendLine("bad handle");
        client.awaitText("handle must be 2-20 letters, digits, _ or -", WAIT);
    }

    @Test
    void handlesAreUniqueWithoutRegardToCase() {
        bbs.register("alice", "secret1");
        TelnetTestClient client = bbs.call();
        client.sendLine("new");
        client.awaitText("new handle: ", WAIT);
        client.sendLine("Alice");
        client.awaitText("That handle is taken", WAIT);
        client.awaitText("new handle: ", WAIT);
    }

    @Test
    void mismatchedRepeatAsksForThePasswordAgain() {
        TelnetTestClient client = bbs.call();
        client.sendLine("new");
        client.awaitText("new handle: ", WAIT);
        client.sendLine("bob");
        client.awaitText("new password: ", WAIT);
        client.sendLine("secret1");
        client.awaitText("repeat password: ", WAIT);
        client.sendLine("secret2");
        client.awaitText("Passwords do not match", WAIT);
        client.awaitText("new password: ", WAIT);
        client.sendLine("secret1");
        client.awaitText("repeat password: ", WAIT);
        client.sendLine("secret1");
        client.awaitText("Main menu: ", WAIT);
    }
}
