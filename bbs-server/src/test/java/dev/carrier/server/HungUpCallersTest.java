package dev.carrier.server;

import static dev.carrier.server.TestServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carrier.runtime.ManualTime;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A caller who hangs up leaves nothing behind: no node, and no timer that would keep their
 * session (and its connection) in memory until it fell due. A flood of connect-and-drop calls
 * would otherwise pile up sessions for the length of the login timeout or the idle logoff.
 */
class HungUpCallersTest {

    @TempDir
    Path data;

    @Test
    void callersWhoHangUpAtTheLoginPromptOrTheMenuLeaveNoTimerBehind() {
        ManualTime time = new ManualTime();
        try (TestServer bbs = TestServer.start(ServerConfig.forTests(data).withTime(time))) {
            bbs.createUser("alice", "secret1");
            int before = time.pending();
            for (int i = 0; i < 20; i++) {
                TelnetTestClient caller = bbs.call();
                if (i % 2 == 1) TestServer.login(caller, "alice", "secret1");
                eventually().until(() -> time.pending() > before); // the caller's idle check is set
                caller.close();
            }
            eventually().alias("every node released").until(() -> bbs.server().nodes().inUse() == 0);
            assertEquals(before, time.pending(), "timers left waiting after every caller hung up");
        }
    }
}
