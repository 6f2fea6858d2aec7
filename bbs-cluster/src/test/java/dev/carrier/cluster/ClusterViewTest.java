package dev.carrier.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.bus.Bus;
import dev.carrier.bus.BusMessage;
import dev.carrier.bus.LinkedBuses;
import dev.carrier.bus.Partitioned;
import dev.carrier.runtime.ManualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ClusterViewTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    private final ManualTime time = new ManualTime();
    private final LinkedBuses buses = new LinkedBuses();

    /** A share that records what the view asked of it. */
    private static final class Recorded<T extends BusMessage> implements Partitioned<T> {
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile List<T> own = List.of();

        @Override
        public Share<T> ownShare() {
            return new Share<>(0, own);
        }

        @Override
        public void reconcile(String server, Share<T> share) {
            calls.add("reconcile " + server + " " + share.facts().size());
        }

        @Override
        public void serverGone(String server) {
            calls.add("gone " + server);
        }
    }

    private record Node(Bus bus, Recorded<dev.carrier.presence.PresencePart> presence,
            Recorded<dev.carrier.chat.RoomSeat> seats, ClusterView view) {}

    private Node node(String name, Instant started) {
        Bus bus = buses.add();
        Recorded<dev.carrier.presence.PresencePart> presence = new Recorded<>();
        Recorded<dev.carrier.chat.RoomSeat> seats = new Recorded<>();
        ClusterCaller caller = new ClusterCaller(name, 1, "user-" + name, "telnet", "127.0.0.1", "2026-01-01T00:00:00Z",
                "online", "xterm", 0);
        ClusterView view = new ClusterView(name, started, bus, time, time, Runnable::run, TTL,
                new ClusterView.Sources(presence, seats, () -> List.of(caller),
                        () -> new ServerHealth(1, "test", bus.linked())));
        return new Node(bus, presence, seats, view);
    }

    private static dev.carrier.presence.PresencePart part(String server) {
        return new dev.carrier.presence.PresencePart(server, "alice", "Alice", false, 1, false,
                Instant.EPOCH, Instant.EPOCH, java.util.Optional.empty(), 1);
    }

    @Test
    void aBeatReconcilesTheOtherServersShareAndItsOwnIsIgnored() {
        Node a = node("a", time.instant());
        Node b = node("b", time.instant());
        b.presence.own = List.of(part("b"));
        a.view.start();
        b.view.start();
        assertTrue(a.presence.calls.contains("reconcile b 1"), a.presence.calls.toString());
        assertTrue(a.seats.calls.contains("reconcile b 0"), a.seats.calls.toString());
        assertTrue(b.presence.calls.stream().noneMatch(c -> c.endsWith(" b 1") || c.contains(" b ")),
                "a server never reconciles itself: " + b.presence.calls);
        assertEquals(List.of("b"), a.view.servers().stream().map(ClusterView.Known::server).toList());
        assertEquals(List.of("user-b"), a.view.callersElsewhere().stream().map(ClusterCaller::handle).toList());
        time.advance(TTL.dividedBy(4));
        assertEquals(2, a.presence.calls.stream().filter("reconcile b 1"::equals).count(), "beats every TTL/4");
    }

    @Test
    void aServerThatStopsBeatingIsGoneWithinTheTtl() {
        Node a = node("a", time.instant());
        Node b = node("b", time.instant());
        a.view.start();
        b.view.start();
        // b dies just before its next beat: its last beat is a quarter TTL old by then.
        time.advance(TTL.dividedBy(4).minusMillis(1));
        buses.cut(b.bus);
        Instant died = time.instant();
        time.advance(TTL.dividedBy(2));
        assertTrue(a.presence.calls.stream().noneMatch(c -> c.startsWith("gone")), "two missed beats are not death");
        while (!a.presence.calls.contains("gone b")) {
            assertTrue(Duration.between(died, time.instant()).compareTo(TTL) <= 0, "dropped within the TTL of its death");
            time.advance(TTL.dividedBy(8));
        }
        assertTrue(a.seats.calls.contains("gone b"));
        assertTrue(a.view.servers().isEmpty());
        assertTrue(a.view.callersElsewhere().isEmpty(), "no ghost in the sysop's who");

        buses.mend(b.bus);
        time.advance(TTL.dividedBy(4));
        assertEquals("reconcile b 0", a.presence.calls.get(a.presence.calls.size() - 1), "back once it beats again");
    }

    @Test
    void aRestartUnderTheSameNameIsGoneThenNew() {
        Node a = node("a", time.instant());
        Node b = node("b", time.instant());
        a.view.start();
        b.view.start();
        // The old run dies without a word (its link is cut, as a kill would) and the new one
        // starts within the TTL: only the new `started` tells them apart.
        buses.cut(b.bus);
        a.presence.calls.clear();
        Node b2 = node("b", time.instant().plusSeconds(5));
        b2.view.start();
        assertEquals(List.of("gone b", "reconcile b 0"), a.presence.calls);
    }

    @Test
    void aCleanStopIsGoneAtOnce() {
        Node a = node("a", time.instant());
        Node b = node("b", time.instant());
        a.view.start();
        b.view.start();
        b.view.close();
        assertTrue(a.presence.calls.contains("gone b"));
        assertTrue(a.seats.calls.contains("gone b"));
        assertTrue(a.view.servers().isEmpty());
        assertEquals(0, time.pending() - 1, "only a's own timer is left");
    }
}
