package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.runtime.ManualTime;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Silent callers are warned and logged off; time is moved by hand, never waited for. */
class IdleTimeoutTest {

    @TempDir
    Path data;

    private final ManualTime time = new ManualTime();
    private TestServer bbs;

    @BeforeEach
    void start() {
        bbs = TestServer.start(ServerConfig.forTests(data).withTime(time));
    }

    @AfterEach
    void stop() {
        bbs.close();
    }

    @Test
    void aCallerSilentAtTheLoginPromptForTwoMinutesIsHungUpOn() {
        TelnetTestClient caller = bbs.call();
        bbs.passTime(time, Duration.ofSeconds(115));
        assertEquals(1, bbs.server().nodes().inUse());
        bbs.passTime(time, Duration.ofSeconds(10));
        caller.awaitText("Login timed out. Goodbye.", WAIT);
        assertTrue(caller.awaitClosed(WAIT));
        // The caller may see the line drop before the server's side of the close has freed the node.
        TestServer.eventually().until(() -> bbs.server().nodes().inUse() == 0);
    }

    @Test
    void typingAtTheLoginPromptStartsTheTwoMinutesAgain() {
        bbs.register("alice", "secret1").close();
        TelnetTestClient caller = bbs.call();
        bbs.passTime(time, Duration.ofSeconds(100));
        caller.sendLine("alice");
        caller.awaitText("password: ", WAIT);
        bbs.passTime(time, Duration.ofSeconds(100));
        caller.sendLine("secret1");
        caller.awaitText("Main menu: ", WAIT);
        assertFalse(caller.isClosed());
    }

    @Test
    void anIdleUserIsWarnedAMinuteBeforeAndThenLoggedOffAsANormalLeave() {
        TelnetTestClient bob = bbs.inChat("bob");
        TelnetTestClient alice = bbs.inChat("alice");
        bbs.passTime(time, Duration.ofMinutes(59).plusSeconds(5));
        alice.awaitText("you will be logged off in 1 minute unless you type something", WAIT);
        bob.sendLine("still here");
        bob.awaitText("<bob> still here", WAIT);
        bbs.passTime(time, Duration.ofMinutes(1));
        alice.awaitText("*** You have been idle too long. Goodbye.", WAIT);
        assertTrue(alice.awaitClosed(WAIT));
        bob.awaitText("*** alice has left chat", WAIT);
        assertEquals("offline", bbs.server().presence().status("alice").wireName());
        assertFalse(bob.isClosed());
    }

    @Test
    void typingAfterTheWarningKeepsTheUserOn() {
        TelnetTestClient alice = bbs.register("alice", "secret1");
        bbs.passTime(time, Duration.ofMinutes(59).plusSeconds(5));
        alice.awaitText("you will be logged off in 1 minute", WAIT);
        alice.send("w");
        alice.awaitText("Handle for details", WAIT);
        bbs.passTime(time, Duration.ofMinutes(2));
        alice.sendLine("");
        alice.awaitText("Main menu: ", WAIT);
        bbs.passTime(time, Duration.ofMinutes(59).plusSeconds(5));
        alice.awaitText("you will be logged off in 1 minute", WAIT);
    }

    @Test
    void idleTurnsAUserAwayInWhoAndInputBringsThemBack() {
        TelnetTestClient alice = bbs.register("alice", "secret1");
        TelnetTestClient bob = bbs.register("bob", "secret2");
        bbs.passTime(time, Duration.ofMinutes(16));
        // The idle check runs on a worker after the timer hands it over: wait for its outcome.
        TestServer.eventually().alias("alice shown away")
                .until(() -> bbs.server().presence().status("alice").wireName().equals("away"));
        bob.send("w");
        bob.awaitText("Online - 1", WAIT);
        bob.awaitText("Away - 1", WAIT);
        bob.awaitText("alice", WAIT);
        alice.send("w");
        alice.awaitText("Online - 2", WAIT);
        assertEquals("online", bbs.server().presence().status("alice").wireName());
    }
}
