package dev.carrier.server;

import static dev.carrier.server.ServerCluster.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sysop's commands against one server see and reach every server's callers. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ClusterSysopTest {

    @RegisterExtension
    final ClusterGround ground = new ClusterGround();

    private ServerCluster cluster;

    @BeforeEach
    void start() throws Exception {
        cluster = ground.start(2);
    }

    @AfterEach
    void stop() throws InterruptedException {
        cluster.close();
    }

    @Test
    void whoOnEitherServerListsEveryServersCallersWithTheirServerAndStatusListsTheServers() {
        cluster.register(0, "alice");
        cluster.register(1, "bob");
        for (int i = 0; i < 2; i++) {
            int server = i;
            TestServer.eventually().atMost(WAIT).untilAsserted(() -> {
                List<String> rows = cluster.cli(server, "who").succeeded().out().lines().toList();
                assertTrue(rows.get(0).contains("SERVER"), "a server column: " + rows.get(0));
                assertTrue(rows.stream().anyMatch(row -> row.matches(".*\\balice\\b.*") && row.matches(".*\\bsrv1\\b.*")),
                        String.join("\n", rows));
                assertTrue(rows.stream().anyMatch(row -> row.matches(".*\\bbob\\b.*") && row.matches(".*\\bsrv2\\b.*")),
                        String.join("\n", rows));
            });
            String status = cluster.cli(server, "status").succeeded().out();
            assertTrue(status.contains("srv1") && status.contains("srv2"), status);
        }
    }

    @Test
    void aKickOnOneServerHangsUpTheUserOnEveryServer() {
        TelnetTestClient bobHere = cluster.register(1, "bob");
        TelnetTestClient bobThere = cluster.login(0, "bob");
        TelnetTestClient carol = cluster.inChat(1, "carol");

        Cli.Result kick = cluster.cli(0, "kick", "bob", "--reason", "take a break").succeeded();

        assertTrue(kick.out().startsWith("kicked bob"), kick.out());
        bobHere.awaitText("*** You have been disconnected by the sysop: take a break", WAIT);
        bobThere.awaitText("*** You have been disconnected by the sysop: take a break", WAIT);
        assertTrue(bobHere.awaitClosed(WAIT));
        assertTrue(bobThere.awaitClosed(WAIT));
        assertFalse(carol.isClosed());
        cluster.login(1, "bob"); // a kick is not a ban
        String audit = cluster.cli(1, "audit").succeeded().out();
        assertEquals(1, audit.lines().filter(line -> line.matches(".*\\bkick\\s+bob.*")).count(), audit);
    }

    @Test
    void aKickOfSomeoneOnlineNowhereIsRefused() {
        Cli.Result kick = cluster.cli(0, "kick", "carol");
        assertEquals(1, kick.code(), kick.toString());
        assertEquals("carrier: carol is not online\n", kick.err());
    }

    @Test
    void aBroadcastOnOneServerReachesTheMenusChatAndLoginPromptsOfEvery() {
        TelnetTestClient atMenu = cluster.register(0, "alice");
        TelnetTestClient inChat = cluster.inChat(1, "bob");
        TelnetTestClient atLogin = cluster.call(1);

        cluster.cli(0, "broadcast", "Backup", "in", "5", "minutes").succeeded();

        atMenu.awaitText("*** SYSOP: Backup in 5 minutes\r\nMain menu: ", WAIT);
        atLogin.awaitText("*** SYSOP: Backup in 5 minutes\r\nlogin: ", WAIT);
        inChat.awaitText("*** SYSOP: Backup in 5 minutes", WAIT);
        inChat.sendLine("still here");
        inChat.awaitText("<bob> still here", WAIT);
        String audit = cluster.cli(1, "audit").succeeded().out();
        assertEquals(1, audit.lines().filter(line -> line.contains("Backup in 5 minutes")).count(), audit);
    }
}
