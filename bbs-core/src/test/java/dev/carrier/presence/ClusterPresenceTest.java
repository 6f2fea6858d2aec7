package dev.carrier.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.bus.Bus;
import dev.carrier.bus.LinkedBuses;
import dev.carrier.bus.Partitioned;
import dev.carrier.presence.PresenceEvent.Reason;
import dev.carrier.runtime.ManualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Presence merged across servers: each server's share, one person, one set of events per server. */
class ClusterPresenceTest {

    private final ManualTime time = new ManualTime();
    private final LinkedBuses link = new LinkedBuses();

    /** One server: its presence and the events its own subscribers hear. */
    private final class Server {
        final Bus bus = link.add();
        final List<PresenceEvent> events = new ArrayList<>();
        final Presence presence;

        Server(String name) {
            bus.subscribe(message -> {
                if (message instanceof PresenceEvent event) events.add(event);
            });
            presence = new Presence(bus, time, Duration.ofMinutes(15), name);
        }

        List<Reason> reasons() {
            return events.stream().map(PresenceEvent::reason).toList();
        }

        List<Boolean> here() {
            return events.stream().map(PresenceEvent::here).toList();
        }
    }

    private final Server a = new Server("a");
    private final Server b = new Server("b");

    @Test
    void onePersonOnTwoServersIsOneOnlineAndLeavesOnce() {
        a.presence.connected("alice");
        b.presence.connected("alice");
        b.presence.connected("alice");

        for (Server server : List.of(a, b)) {
            assertEquals(3, server.presence.find("alice").orElseThrow().connections());
            assertEquals(1, server.presence.all().size());
        }
        a.presence.disconnected("alice");
        b.presence.disconnected("alice");
        assertEquals(Status.ONLINE, a.presence.status("alice"));
        b.presence.disconnected("alice");

        for (Server server : List.of(a, b)) {
            assertEquals(Status.OFFLINE, server.presence.status("alice"));
            assertEquals(List.of(Reason.CONNECT, Reason.DISCONNECT), server.reasons());
        }
        assertEquals(List.of(true, false), a.here());
        assertEquals(List.of(false, true), b.here());
    }

    @Test
    void aChoiceOnOneServerShowsOnTheOtherAndIsCausedThereOnly() {
        a.presence.connected("alice");
        b.presence.connected("alice");
        b.presence.choose("alice", Status.AWAY, Optional.of("lunch"));

        UserPresence seen = a.presence.find("alice").orElseThrow();
        assertEquals(Status.AWAY, seen.status());
        assertEquals(Optional.of("lunch"), seen.text());
        assertTrue(seen.chosen());
        assertEquals(Reason.MANUAL, a.events.get(1).reason());
        assertFalse(a.events.get(1).here());
        assertTrue(b.events.get(1).here());

        time.advance(Duration.ofSeconds(1));
        a.presence.choose("alice", Status.ONLINE, Optional.empty());
        assertEquals(Status.ONLINE, b.presence.status("alice"));
    }

    @Test
    void theLatestChoiceWinsWhicheverArrivesLast() {
        a.presence.connected("alice");
        time.advance(Duration.ofSeconds(1));
        PresenceChoice later = new PresenceChoice("b", "alice", Status.DND, Optional.empty(), time.instant());
        PresenceChoice earlier = new PresenceChoice("c", "alice", Status.AWAY, Optional.empty(),
                time.instant().minusMillis(10));
        b.bus.publish(later);
        b.bus.publish(earlier);

        assertEquals(Status.DND, a.presence.status("alice"));
    }

    @Test
    void idleOnOneServerButActiveOnTheOtherIsOnline() {
        a.presence.connected("alice");
        time.advance(Duration.ofMinutes(10));
        b.presence.connected("alice");
        time.advance(Duration.ofMinutes(6));
        a.presence.checkIdle();
        b.presence.checkIdle();

        assertEquals(Status.ONLINE, a.presence.status("alice"));
        assertEquals(Status.ONLINE, b.presence.status("alice"));

        time.advance(Duration.ofMinutes(10));
        b.presence.checkIdle();
        assertEquals(Status.AWAY, a.presence.status("alice"));
        assertEquals(List.of(Reason.CONNECT, Reason.IDLE), a.reasons());

        a.presence.input("alice");
        assertEquals(Status.ONLINE, b.presence.status("alice"));
    }

    @Test
    void aServerGoneTakesItsPeopleOfflineAndKeepsTheOthers() {
        a.presence.connected("alice");
        a.presence.connected("bob");
        b.presence.connected("bob");

        b.presence.serverGone("a");

        assertEquals(Status.OFFLINE, b.presence.status("alice"));
        assertEquals(1, b.presence.find("bob").orElseThrow().connections());
        assertEquals(List.of(Reason.CONNECT, Reason.CONNECT, Reason.DISCONNECT), b.reasons());
        assertTrue(b.events.get(2).here(), "no one caused it: every server answers for it");
    }

    @Test
    void aReconcileFromAShareFixesMissedFacts() {
        a.presence.connected("carol");
        link.cut(a.bus);
        a.presence.connected("alice");
        a.presence.disconnected("carol");
        assertEquals(Status.OFFLINE, b.presence.status("alice"));
        assertEquals(Status.ONLINE, b.presence.status("carol"));

        link.mend(a.bus);
        b.presence.reconcile("a", a.presence.ownShare());

        assertEquals(Status.ONLINE, b.presence.status("alice"));
        assertEquals(Status.OFFLINE, b.presence.status("carol"));
    }

    @Test
    void aShareTakenBeforeAPartAndHeardAfterItUndoesNothing() {
        Partitioned.Share<PresencePart> before = a.presence.ownShare();
        a.presence.connected("alice");

        b.presence.reconcile("a", before); // a heartbeat taken on a worker just before alice came

        assertEquals(Status.ONLINE, b.presence.status("alice"));
        assertEquals(List.of(Reason.CONNECT), b.reasons(), "no disconnect and connect again");
    }

    @Test
    void aChoiceMissedWhileTheLinkWasDownComesBackWithTheShare() {
        a.presence.connected("alice");
        b.presence.connected("alice");
        link.cut(b.bus);
        time.advance(Duration.ofSeconds(1));
        b.presence.choose("alice", Status.DND, Optional.of("exams"));
        assertEquals(Status.ONLINE, a.presence.status("alice"), "a heard nothing of it");

        link.mend(b.bus);
        a.presence.reconcile("b", b.presence.ownShare());

        assertEquals(Status.DND, a.presence.status("alice"));
        assertEquals(Optional.of("exams"), a.presence.find("alice").orElseThrow().text());
        // An older choice coming back in a later share does not undo a newer one.
        a.presence.reconcile("b", b.presence.ownShare());
        time.advance(Duration.ofSeconds(1));
        a.presence.choose("alice", Status.ONLINE, Optional.empty());
        b.presence.reconcile("a", a.presence.ownShare());
        a.presence.reconcile("b", new Partitioned.Share<>(b.presence.ownShare().version(), List.of(new PresencePart("b",
                "alice", "alice", false, 1, false, time.instant(), time.instant(), Optional.of(new PresenceChoice("b",
                "alice", Status.DND, Optional.of("exams"), time.instant().minusSeconds(1))), 1))));
        assertEquals(Status.ONLINE, a.presence.status("alice"));
        assertEquals(Status.ONLINE, b.presence.status("alice"));
    }

    @Test
    void threeServersMakeOnePersonAndAServerNeverReconcilesItself() {
        Server c = new Server("c");
        a.presence.connected("alice");
        c.presence.connected("alice");
        a.presence.reconcile("a", new Partitioned.Share<>(0, List.of()));
        b.presence.serverGone("a");

        assertEquals(1, b.presence.find("alice").orElseThrow().connections());
        assertEquals(2, a.presence.find("alice").orElseThrow().connections());
        assertEquals(List.of(Reason.CONNECT), b.reasons());
    }
}
