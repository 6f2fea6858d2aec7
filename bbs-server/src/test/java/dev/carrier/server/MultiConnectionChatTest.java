package dev.carrier.server;

import static dev.carrier.server.TestServer.eventually;
import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user with two connections is announced once and leaves once. */
class MultiConnectionChatTest {

    @TempDir
    Path data;

    @Test
    void secondConnectionJoinsAndLeavesSilently() {
        try (TestServer bbs = TestServer.start(data)) {
            TelnetTestClient bob = bbs.inChat("bob");
            TelnetTestClient aliceOne = TestServer.enterChat(bbs.register("alice", "secret1"));
            bob.awaitText("*** alice has joined chat", WAIT);
            TelnetTestClient aliceTwo = TestServer.enterChat(bbs.login("alice", "secret1"));

            aliceOne.sendLine("/quit");
            aliceOne.awaitText("Main menu: ", WAIT);
            bob.sendLine("marker one");
            bob.awaitText("<bob> marker one", WAIT);
            aliceTwo.awaitText("<bob> marker one", WAIT);

            aliceTwo.close();
            bob.awaitText("*** alice has left chat", WAIT);
            String seen = bob.transcript();
            assertEquals(1, TestServer.count(seen, "*** alice has joined chat"), seen);
            assertEquals(1, TestServer.count(seen, "*** alice has left chat"), seen);
            assertFalse(seen.indexOf("*** alice has left chat") < seen.indexOf("<bob> marker one"), seen);
        }
    }

    @Test
    void presenceStaysOnlineUntilTheLastConnectionCloses() {
        try (TestServer bbs = TestServer.start(data)) {
            TelnetTestClient first = bbs.register("alice", "secret1");
            TelnetTestClient second = bbs.login("alice", "secret1");
            first.close();
            TelnetTestClient watcher = bbs.register("bob", "secret2");
            watcher.send("w");
            watcher.awaitText("alice", WAIT);
            assertEquals("online", bbs.server().presence().status("alice").wireName());
            second.close();
            eventually().alias("alice offline").until(() -> bbs.server().presence().status("alice").wireName(),
                    "offline"::equals);
        }
    }
}
