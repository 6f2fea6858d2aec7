package dev.carrier.server;

import static dev.carrier.server.TestServer.eventually;
import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carrier.presence.UserPresence;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** carrier who and carrier status: every connection, the server first, and never the sysop's own. */
class WhoAndStatusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void whoListsTheServerFirstThenEveryConnection() {
        bbs.register("alice", "secret1");
        bbs.call(); // a caller still at the login prompt

        List<String> lines = Cli.run(data, "who").succeeded().out().lines().toList();

        String name = dev.carrier.cluster.ClusterConfig.defaultServerName(); // the server column
        assertTrue(lines.get(0).matches("SERVER\\s+NODE\\s+HANDLE\\s+VIA\\s+FROM\\s+TERMINAL\\s+SINCE\\s+IDLE\\s+STATUS\\s+WHAT"),
                lines.get(0));
        int telnet = bbs.server().telnetPort();
        int web = bbs.server().webPort();
        int admin = bbs.server().adminPort();
        assertTrue(lines.get(1).matches("\\s*" + java.util.regex.Pattern.quote(name) + "\\s+-\\s+\\(server\\)\\s+-\\s+-\\s+carrier \\S+\\s+[-0-9: ]+\\s+-\\s+up \\d+s\\s+"
                + "listening: telnet 127\\.0\\.0\\.1:" + telnet + ", web 127\\.0\\.0\\.1:" + web
                + ", admin 127\\.0\\.0\\.1:" + admin), lines.get(1));
        assertTrue(lines.get(2).matches("\\s*\\S+\\s+1\\s+alice\\s+telnet\\s+127\\.0\\.0\\.1\\S*\\s+\\S+\\s+[-0-9: ]+\\s+\\d+\\s+online"
                + "\\s+Main Menu"), lines.get(2));
        assertTrue(lines.get(3).matches("\\s*\\S+\\s+2\\s+-\\s+telnet\\s+.*\\s+login\\s+Logging in"), lines.get(3));
        assertEquals(4, lines.size(), String.join("\n", lines));
    }

    @Test
    void whoAsJsonHasEveryField() throws Exception {
        bbs.register("alice", "secret1");
        JsonNode who = JSON.readTree(Cli.run(data, "who", "--json").succeeded().out());
        assertTrue(who.get("server").get("uptimeSeconds").asLong() >= 0);
        JsonNode alice = who.get("nodes").get(0);
        assertEquals(1, alice.get("node").asInt());
        assertEquals("alice", alice.get("handle").asText());
        assertEquals("telnet", alice.get("transport").asText());
        for (String field : List.of("address", "terminal", "connectedAt", "idleSeconds", "status", "activity")) {
            assertTrue(alice.hasNonNull(field), field + " in " + alice);
        }
    }

    @Test
    void theSysopsOwnConnectionIsNeverANodeAndTouchesNobodysPresence() {
        bbs.register("alice", "secret1");
        Instant aliceLastInput = bbs.server().presence().find("alice").map(UserPresence::lastInput).orElseThrow();

        for (int i = 0; i < 3; i++) {
            Cli.run(data, "who").succeeded();
            Cli.run(data, "status").succeeded();
            Cli.run(data, "user", "list").succeeded();
        }

        assertEquals(1, bbs.server().nodes().inUse());
        assertEquals(List.of("alice"), bbs.server().presence().all().stream().map(UserPresence::handle).toList());
        assertEquals(aliceLastInput, bbs.server().presence().find("alice").orElseThrow().lastInput());
        assertTrue(Cli.run(data, "status").out().contains("nodes:               1 of 256 in use"));
    }

    @Test
    void statusCountsChatLinesAndDirectMessagesOfTheLastMinute() throws Exception {
        TelnetTestClient bob = bbs.inChat("bob");
        TelnetTestClient alice = bbs.inChat("alice");
        alice.sendLine("one");
        alice.sendLine("/me two");
        bob.sendLine("three");
        bob.sendLine("/msg alice four");
        alice.awaitText("[DM from bob] four", WAIT);

        // The direct message is stored by a worker after delivery, so the count may lag a moment.
        eventually().until(() -> JSON.readTree(Cli.run(data, "status", "--json").succeeded().out())
                .get("messagesPerMinute").asInt() >= 4);
        JsonNode status = JSON.readTree(Cli.run(data, "status", "--json").succeeded().out());
        assertEquals(4, status.get("messagesPerMinute").asInt(), status.toString());
        assertEquals(2, status.get("usersOnline").asInt());
        assertEquals(2, status.get("nodesInUse").asInt());
        assertTrue(status.get("memoryUsedBytes").asLong() > 0);

        String text = Cli.run(data, "status").succeeded().out();
        assertTrue(text.contains("messages per minute: 4"), text);
        assertTrue(text.contains("users online:        2"), text);
    }
}
