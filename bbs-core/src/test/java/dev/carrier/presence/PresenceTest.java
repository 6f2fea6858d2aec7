package dev.carrier.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.bus.InProcessBus;
import dev.carrier.presence.PresenceEvent.Reason;
import dev.carrier.runtime.ManualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The presence rules, with time moved by hand. */
class PresenceTest {

    private final ManualTime time = new ManualTime();
    private final List<PresenceEvent> events = new ArrayList<>();
    private Presence presence;

    @BeforeEach
    void start() {
        InProcessBus bus = new InProcessBus();
        bus.subscribe(message -> {
            if (message instanceof PresenceEvent event) events.add(event);
        });
        presence = new Presence(bus, time, Duration.ofMinutes(15));
    }

    private void idleFor(Duration duration) {
        time.advance(duration);
        presence.checkIdle();
    }

    @Test
    void idleMakesAnOnlineUserAwayAndInputBringsThemBack() {
        presence.connected("alice");
        idleFor(Duration.ofMinutes(14));
        assertEquals(Status.ONLINE, presence.status("alice"));
        idleFor(Duration.ofMinutes(1));
        assertEquals(Status.AWAY, presence.status("alice"));
        presence.input("alice");
        assertEquals(Status.ONLINE, presence.status("alice"));
        assertEquals(List.of(Reason.CONNECT, Reason.IDLE, Reason.IDLE), reasons());
    }

    @Test
    void aChosenAwaySurvivesInput() {
        presence.connected("alice");
        presence.choose("alice", Status.AWAY, Optional.of("lunch"));
        presence.input("alice");
        assertEquals(Status.AWAY, presence.status("alice"));
        assertEquals(Optional.of("lunch"), presence.find("alice").orElseThrow().text());
    }

    @Test
    void dndSurvivesIdle() {
        presence.connected("alice");
        presence.choose("alice", Status.DND, Optional.empty());
        idleFor(Duration.ofHours(2));
        assertEquals(Status.DND, presence.status("alice"));
    }

    @Test
    void backClearsTheChoiceSoIdleWorksAgain() {
        presence.connected("alice");
        presence.choose("alice", Status.DND, Optional.empty());
        presence.choose("alice", Status.ONLINE, Optional.empty());
        idleFor(Duration.ofMinutes(15));
        assertEquals(Status.AWAY, presence.status("alice"));
    }

    @Test
    void aSecondConnectionChangesNothingAndOnlyTheLastCloseGoesOffline() {
        presence.connected("alice");
        presence.connected("ALICE");
        presence.disconnected("alice");
        assertEquals(Status.ONLINE, presence.status("alice"));
        assertEquals(1, events.size());
        presence.disconnected("alice");
        assertEquals(Status.OFFLINE, presence.status("alice"));
        assertEquals(List.of(Reason.CONNECT, Reason.DISCONNECT), reasons());
        assertEquals(Status.OFFLINE, events.get(1).to());
    }

    @Test
    void nothingIsPublishedWhenNothingChanged() {
        presence.connected("alice");
        presence.choose("alice", Status.AWAY, Optional.of("lunch"));
        presence.choose("alice", Status.AWAY, Optional.of("lunch"));
        presence.input("alice");
        idleFor(Duration.ofHours(1));
        presence.choose("alice", Status.ONLINE, Optional.empty());
        presence.choose("alice", Status.ONLINE, Optional.empty());
        assertEquals(List.of(Reason.CONNECT, Reason.MANUAL, Reason.MANUAL), reasons());
    }

    @Test
    void idleIsMeasuredFromTheLastInputOnAnyConnection() {
        presence.connected("alice");
        presence.connected("alice");
        time.advance(Duration.ofMinutes(10));
        presence.input("alice");
        idleFor(Duration.ofMinutes(10));
        assertEquals(Status.ONLINE, presence.status("alice"));
        assertEquals(Duration.ofMinutes(10), presence.find("alice").orElseThrow().idle(time.instant()));
    }

    @Test
    void everyChangeCarriesFromToAndReason() {
        presence.connected("bob");
        presence.choose("bob", Status.AWAY, Optional.of("brb"));
        PresenceEvent last = events.get(events.size() - 1);
        assertEquals(Status.ONLINE, last.from());
        assertEquals(Status.AWAY, last.to());
        assertEquals(Reason.MANUAL, last.reason());
        assertTrue(last.text().isPresent());
    }

    private List<Reason> reasons() {
        return events.stream().map(PresenceEvent::reason).toList();
    }
}
