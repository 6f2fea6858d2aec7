package dev.carrier.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.bus.Bus;
import dev.carrier.bus.BusMessage;
import dev.carrier.bus.LocalMessage;
import dev.carrier.bus.TestNats;
import dev.carrier.chat.ChatEvent;
import dev.carrier.chat.RoomName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClusterBusTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final TestNats nats = new TestNats();

    private final List<AutoCloseable> opened = new ArrayList<>();

    record Note(String text) implements LocalMessage {}

    /** One server: its link, its bus and what its subscriber heard, in order. */
    private final class Server {
        final ClusterLink link;
        final ClusterBus bus;
        final List<BusMessage> heard = new CopyOnWriteArrayList<>();

        Server(String name) {
            link = ClusterLink.connect(nats.url(), name);
            bus = new ClusterBus(link, name);
            opened.add(link);
            opened.add(bus);
            bus.subscribe(heard::add);
        }

        List<String> lines() {
            return heard.stream().filter(m -> m instanceof ChatEvent.Public).map(m -> ((ChatEvent.Public) m).text())
                    .toList();
        }
    }

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) opened.get(i).close();
    }

    private static ChatEvent.Public line(String text) {
        return new ChatEvent.Public(RoomName.LOBBY, "alice", text, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void twentyPublishersOverThreeServersAreHeardInOneOrderEverywhere() throws Exception {
        List<Server> servers = List.of(new Server("one"), new Server("two"), new Server("three"));
        int perPublisher = 25;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> publishers = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            Bus bus = servers.get(p % servers.size()).bus;
            int publisher = p;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perPublisher; i++) bus.publish(line(publisher + "-" + i));
            });
            thread.start();
            publishers.add(thread);
        }
        go.countDown();
        for (Thread thread : publishers) thread.join();
        int total = 20 * perPublisher;
        for (Server server : servers) await().atMost(WAIT).until(() -> server.lines().size() >= total);
        List<String> order = servers.get(0).lines();
        assertEquals(total, order.size());
        for (Server server : servers) assertEquals(order, server.lines());
        for (int p = 0; p < 20; p++) {
            String prefix = p + "-";
            List<String> own = order.stream().filter(l -> l.startsWith(prefix)).toList();
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < perPublisher; i++) sent.add(prefix + i);
            assertEquals(sent, own, "one publisher's lines keep the order they were sent in");
        }
    }

    @Test
    void aLocalMessageStaysOnItsServerInOrderWithTheRest() {
        Server one = new Server("one");
        Server two = new Server("two");
        one.bus.publish(new Note("only here"));
        one.bus.publish(line("after"));
        await().atMost(WAIT).until(() -> two.lines().contains("after") && one.lines().contains("after"));
        assertEquals(List.of(new Note("only here"), line("after")), one.heard);
        assertEquals(List.of(line("after")), two.heard);
    }

    @Test
    void whileNatsIsDownLinesStayLocalAndAfterItIsBackTheyFlowAgain() {
        downThenBack(nats::restart);
    }

    @Test
    void aNatsThatComesBackWithoutItsStoreGetsTheStreamAgain() {
        downThenBack(nats::restartEmpty);
    }

    private void downThenBack(Runnable bringBack) {
        Server one = new Server("one");
        Server two = new Server("two");
        one.bus.publish(line("before"));
        await().atMost(WAIT).until(() -> two.lines().contains("before"));
        assertTrue(one.bus.linked());

        nats.kill();
        await().atMost(WAIT).until(() -> !one.bus.linked() && !two.bus.linked());
        one.bus.publish(line("while down"));
        await().atMost(WAIT).until(() -> one.lines().contains("while down"));

        bringBack.run();
        await().atMost(WAIT).until(() -> one.bus.linked() && two.bus.linked());
        // The ordered consumers come back on their own; keep saying something until both hear it.
        int[] n = {0};
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            one.bus.publish(line("after " + n[0]++));
            return two.lines().stream().anyMatch(l -> l.startsWith("after "))
                    && one.lines().stream().anyMatch(l -> l.startsWith("after "));
        });
        two.bus.publish(line("from two"));
        await().atMost(WAIT).until(() -> one.lines().contains("from two") && two.lines().contains("from two"));
        assertFalse(two.lines().contains("while down"), "what was said while unlinked stays on its server");
        assertEquals(1, one.lines().stream().filter("while down"::equals).count());
    }
}
