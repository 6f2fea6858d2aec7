package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carrier.chat.ChatConfig;
import dev.carrier.chat.ReaderBudget;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Twenty people talking at once: every receiver sees the same order. */
class ChatOrderTest {

    @TempDir
    Path data;

    private static final int SENDERS = 20;
    private static final int LINES_EACH = 50;
    /** Far more than the thousand lines of the test, so no receiver may miss any. */
    private static final ReaderBudget ROOMY = new ReaderBudget(64L << 20, Duration.ofMinutes(5), Duration.ofMinutes(5));
    private static final Pattern LINE = Pattern.compile("<(s\\d+)> (\\d+)\\r\\n");

    @Test
    void concurrentSendersProduceOneOrderAtEveryReceiver() throws InterruptedException {
        ServerConfig config = ServerConfig.forTests(data)
                .withChat(ChatConfig.defaults().withFlood(0, Duration.ofSeconds(1)).withReaderBudget(ROOMY));
        try (TestServer bbs = TestServer.start(config)) {
            List<TelnetTestClient> receivers = List.of(bbs.inChat("r1"), bbs.inChat("r2"), bbs.inChat("r3"));
            List<TelnetTestClient> senders = new ArrayList<>();
            for (int s = 1; s <= SENDERS; s++) senders.add(bbs.inChat("s" + s));

            TestServer.countAtOnce(senders, LINES_EACH);

            List<List<String>> orders = new ArrayList<>();
            for (TelnetTestClient receiver : receivers) {
                List<String> lastLines = new ArrayList<>();
                for (int s = 1; s <= SENDERS; s++) lastLines.add("<s" + s + "> " + LINES_EACH + "\r\n");
                TestServer.awaitAll(receiver, lastLines);
                List<String> order = new ArrayList<>();
                Matcher matcher = LINE.matcher(receiver.transcript());
                while (matcher.find()) order.add(matcher.group(1) + ":" + matcher.group(2));
                orders.add(order);
            }
            assertEquals(SENDERS * LINES_EACH, orders.get(0).size());
            assertEquals(orders.get(0), orders.get(1));
            assertEquals(orders.get(0), orders.get(2));
        }
    }
}
