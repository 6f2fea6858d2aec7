package dev.carrier.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.chat.ChatConfig;
import dev.carrier.server.CarrierServer;
import dev.carrier.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench counts every line it should, against Carrier over telnet and an IRC server over IRC. */
class ChatLoadTest {

    private static final int TIMEOUT_SECONDS = 60;
    private static final ChatLoad.Shape BURST = new ChatLoad.Shape(8, 3, 20, 0);
    private static final ChatLoad.Shape PACED = new ChatLoad.Shape(8, 3, 10, 50);

    @TempDir
    Path data;

    @TempDir
    Path ircDir;

    @TempDir
    Path secondData;

    private CarrierServer carrier() {
        UserSeeder.seed(data, BURST.clients());
        return CarrierServer.start(ServerConfig.forTests(data)
                .withChat(ChatConfig.defaults().withFlood(0, Duration.ofSeconds(1))));
    }

    private static ChatLoad.Result run(String name, ChatLoad.Protocol protocol, int port, ChatLoad.Shape shape)
            throws InterruptedException {
        try (ChatLoad load = new ChatLoad(TIMEOUT_SECONDS)) {
            return load.run(name, protocol, port, shape, () -> 0, () -> { });
        }
    }

    @Test
    void telnetModeCountsEveryLineCarrierDeliversToEveryCallerSenderIncluded() throws Exception {
        try (CarrierServer server = carrier()) {
            for (ChatLoad.Shape shape : List.of(BURST, PACED)) {
                ChatLoad.Result result = run("Carrier", ChatLoad.Protocol.TELNET, server.telnetPort(), shape);
                assertEquals(8L * 3 * shape.lines(), result.expected());
                assertEquals(result.expected(), result.delivered(), shape.pace());
                assertEquals(0, result.missedNotices());
                assertTrue(result.p99Millis() >= result.p50Millis());
            }
        }
    }

    @Test
    void spreadOverTwoServersEachDeliveryCountsInItsHop() throws Exception {
        // Two servers that are not a cluster: a line reaches only the callers of the server it was
        // said on, so every delivery is a same-server one, and the lines across never come.
        ChatLoad.Shape shape = new ChatLoad.Shape(8, 4, 5, 0);
        UserSeeder.seed(secondData, shape.clients());
        try (CarrierServer one = carrier(); CarrierServer two = CarrierServer.start(ServerConfig.forTests(secondData)
                .withChat(ChatConfig.defaults().withFlood(0, Duration.ofSeconds(1))));
                ChatLoad load = new ChatLoad(TIMEOUT_SECONDS)) {
            ChatLoad.Result result = load.run("two", ChatLoad.Protocol.TELNET,
                    new int[] {one.telnetPort(), two.telnetPort()}, shape, () -> 0, () -> { });
            assertEquals(8L * 4 * 5, result.expected());
            assertEquals(2L * 4 * 2 * 5, result.delivered()); // per server: 4 callers hear its 2 senders
            assertEquals(List.of(40L, 0L, 40L, 0L),
                    result.hops().stream().map(ChatLoad.Hop::delivered).toList());
            assertEquals(List.of(0, 0, 1, 1), result.hops().stream().map(ChatLoad.Hop::server).toList());
            assertEquals(List.of(true, false, true, false), result.hops().stream().map(ChatLoad.Hop::sameServer).toList());
        }
    }

    @Test
    void ircModeCountsEveryLineAnIrcServerDeliversToEveryoneButTheSender() throws Exception {
        Path ngircd = Pinning.onPath("ngircd");
        Assumptions.assumeTrue(ngircd != null,
                "ngircd is not installed (Debian: apt-get install ngircd), so the IRC mode is not tried here");
        ChatLoad.Result irc;
        try (ReferenceServer server = ReferenceServer.start("ngircd", ircDir, List.of())) {
            irc = run(server.name(), ChatLoad.Protocol.IRC, server.port(), BURST);
            ChatLoad.Result paced = run(server.name(), ChatLoad.Protocol.IRC, server.port(), PACED);
            assertEquals(7L * 3 * PACED.lines(), paced.expected());
            assertEquals(paced.expected(), paced.delivered());
        }
        assertEquals(7L * 3 * BURST.lines(), irc.expected());
        assertEquals(irc.expected(), irc.delivered());

        ChatLoad.Result telnet;
        try (CarrierServer server = carrier()) {
            telnet = run("Carrier", ChatLoad.Protocol.TELNET, server.telnetPort(), BURST);
        }
        String table = ChatBench.table(BURST, List.of(telnet), List.of(irc));
        assertTrue(table.contains("| ngircd | 420 of 420 |"), table);
        assertTrue(table.contains("| Carrier | 480 of 480 |"), table);
        assertTrue(table.contains("Carrier / ngircd:"), table);
    }
}
