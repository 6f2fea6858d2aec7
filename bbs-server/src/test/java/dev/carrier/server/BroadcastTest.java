package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** carrier broadcast reaches every node as a sysop line, wherever the caller is. */
class BroadcastTest {

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
    void broadcastReachesTheMenuTheChatRoomAndTheLoginPrompt() {
        TelnetTestClient atMenu = bbs.register("alice", "secret1");
        TelnetTestClient inChat = bbs.inChat("bob");
        TelnetTestClient atLogin = bbs.call();

        Cli.Result sent = Cli.run(data, "broadcast", "Backup", "in", "5", "minutes").succeeded();

        assertEquals("broadcast to 3 nodes\n", sent.out());
        // At the menu and the login prompt, the prompt is drawn again below the line.
        atMenu.awaitText("*** SYSOP: Backup in 5 minutes\r\nMain menu: ", WAIT);
        atLogin.awaitText("*** SYSOP: Backup in 5 minutes\r\nlogin: ", WAIT);
        inChat.awaitText("*** SYSOP: Backup in 5 minutes", WAIT);
        inChat.sendLine("still here");
        inChat.awaitText("<bob> still here", WAIT);
    }

    @Test
    void broadcastReachesBrowserTerminalsAndJsonClients() {
        WebSocketTestClient browser = bbs.browse();
        JsonClient app = bbs.json("carol").connect();
        app.await("presence", d -> d.path("username").asText().equals("carol"));
        Cli.run(data, "broadcast", "Rebooting soon").succeeded();
        browser.awaitText("*** SYSOP: Rebooting soon");
        app.await("chat", d -> d.path("kind").asText().equals("system")
                && d.path("text").asText().equals("*** SYSOP: Rebooting soon"));
    }

    @Test
    void escapeSequencesInABroadcastNeverReachATerminal() {
        TelnetTestClient alice = bbs.register("alice", "secret1");
        Cli.run(data, "broadcast", "clear\u001b[2Jscreen\u0007").succeeded();
        alice.awaitText("*** SYSOP: clearscreen", WAIT);
        assertTrue(!alice.transcript().contains("\u001b[2J"), alice.transcript());
    }

    @Test
    void anEmptyBroadcastIsRefused() {
        Cli.Result empty = Cli.run(data, "broadcast", " ");
        assertEquals(1, empty.code(), empty.toString());
        assertEquals("carrier: nothing to broadcast\n", empty.err());
    }
}
