package dev.carrier.server;

import static dev.carrier.server.ServerCluster.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carrier.telnet.TelnetTestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Twenty people on two servers talking at once in one room: every reader on every server sees one order. */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ClusterChatOrderTest {

    private static final int SENDERS = 20;
    private static final int LINES_EACH = 30;
    private static final Pattern LINE = Pattern.compile("<(s\\d+)> (\\d+)\\r\\n");

    @RegisterExtension
    final ClusterGround ground = new ClusterGround();

    @Test
    void concurrentSendersOnTwoServersProduceOneOrderAtEveryReaderOnEither() throws Exception {
        // No flood limit, and room enough that no reader may miss a line of the test.
        try (ServerCluster cluster = ground.start(2, "--flood-burst", "0", "--max-per-address", "0",
                "--chat-reader-budget", String.valueOf(64L << 20), "--chat-max-delay", "5m",
                "--chat-hang-up-after", "5m")) {
            List<TelnetTestClient> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) readers.add(inRoom(cluster.inChat(r % 2, "r" + (r + 1))));
            List<TelnetTestClient> senders = new ArrayList<>();
            for (int s = 1; s <= SENDERS; s++) senders.add(inRoom(cluster.inChat(s % 2, "s" + s)));
            // Everyone is seated everywhere before the first line: the last to come in is seen on both servers.
            for (TelnetTestClient reader : readers) reader.awaitText("*** s" + SENDERS + " has joined #dice", WAIT);

            TestServer.countAtOnce(senders, LINES_EACH);

            List<String> lastLines = new ArrayList<>();
            for (int s = 1; s <= SENDERS; s++) lastLines.add("<s" + s + "> " + LINES_EACH + "\r\n");
            List<String> first = order(readers.get(0), lastLines);
            assertEquals(SENDERS * LINES_EACH, first.size());
            for (int r = 1; r < readers.size(); r++) assertEquals(first, order(readers.get(r), lastLines), "reader r" + (r + 1));
            // The senders themselves, on either server, saw that order too.
            assertEquals(first, order(senders.get(0), lastLines), "s1");
            assertEquals(first, order(senders.get(1), lastLines), "s2");
        }
    }

    /** The test's lines as {@code client} saw them, once the last line of every sender has arrived. */
    private static List<String> order(TelnetTestClient client, List<String> lastLines) {
        TestServer.awaitAll(client, lastLines, WAIT.multipliedBy(3));
        List<String> order = new ArrayList<>();
        Matcher matcher = LINE.matcher(client.transcript());
        while (matcher.find()) order.add(matcher.group(1) + ":" + matcher.group(2));
        return order;
    }

    private static TelnetTestClient inRoom(TelnetTestClient caller) {
        return TestServer.inRoom(caller, "dice");
    }
}
