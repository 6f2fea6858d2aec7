package dev.carrier.chat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carrier.bus.Bus;
import dev.carrier.bus.LinkedBuses;
import dev.carrier.presence.ChosenStatus;
import dev.carrier.presence.Member;
import dev.carrier.presence.Presence;
import dev.carrier.presence.PresenceKeeper;
import dev.carrier.presence.PresenceStore;
import dev.carrier.presence.Status;
import dev.carrier.runtime.ManualTime;
import dev.carrier.runtime.Workers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every server hears but only one may do: the room line about a chosen status and the
 * presence writes to the shared database happen once in a cluster, on the server that caused them.
 */
class ActedOnceTest {

    private final ManualTime time = new ManualTime();
    private final LinkedBuses link = new LinkedBuses();
    private final Workers workers = new Workers(2, 100);
    private final List<String> writes = Collections.synchronizedList(new ArrayList<>());
    private final RoomName games = new RoomName("games");

    /** The one shared database, as far as presence writes to it. */
    private final PresenceStore shared = new PresenceStore() {
        @Override
        public Map<String, ChosenStatus> chosenStatuses() {
            return Map.of();
        }

        @Override
        public void choose(String handle, Optional<ChosenStatus> choice, Instant at) {
            writes.add("choose " + handle);
        }

        @Override
        public void seen(String handle, Instant at) {
            writes.add("seen " + handle);
        }

        @Override
        public Optional<Instant> lastSeen(String handle) {
            return Optional.empty();
        }

        @Override
        public List<Member> recentlySeen(int limit) {
            return List.of();
        }

        @Override
        public List<Member> members(String after, int limit) {
            return List.of();
        }
    };

    private final class Server {
        final Bus bus = link.add();
        final Presence presence;
        final ChatManager chat;

        Server(String name) {
            presence = new Presence(bus, time, Duration.ofMinutes(15), name);
            chat = new ChatManager(bus, time, ChatConfig.defaults(), ChatArchive.Kept.NOTHING, (r, s) -> false, name);
            StatusAnnouncer.attach(bus, chat);
            PresenceKeeper.attach(bus, shared, workers);
        }

        void enter(String handle) {
            presence.connected(handle);
            chat.join(games, new Visitor(handle, false, "telnet", Optional.empty(), told -> {}), false);
        }
    }

    /** What the system says in the rooms, as {@code server} hears it from now on. */
    private static List<String> systemLines(Server server) {
        List<String> said = new ArrayList<>();
        server.bus.subscribe(message -> {
            if (message instanceof ChatEvent.System line) said.add(line.text());
        });
        return said;
    }

    @AfterEach
    void stop() {
        workers.close();
    }

    @Test
    void aChosenStatusIsSaidOnceAndStoredOnceAndTheLastLeaveIsStoredOnce() {
        Server a = new Server("a");
        Server b = new Server("b");
        List<String> said = systemLines(a);
        a.enter("alice");
        b.enter("alice");

        b.presence.choose("alice", Status.AWAY, Optional.of("lunch"));
        a.presence.disconnected("alice");
        b.presence.disconnected("alice");

        assertEquals(List.of("alice is away: lunch"), said);
        await().atMost(Duration.ofSeconds(10)).until(() -> writes.size() >= 2);
        workers.close();
        assertEquals(List.of("choose alice", "seen alice"), writes.stream().sorted().toList());
    }

    @Test
    void thePeopleOfAServerThatWentAwayAreSeenByEverySurvivorAndNoRoomHearsOfIt() {
        Server a = new Server("a");
        Server b = new Server("b");
        Server c = new Server("c");
        List<String> said = systemLines(b);
        a.enter("alice");

        b.presence.serverGone("a");
        c.presence.serverGone("a");

        // Each survivor writes the time; the store keeps the latest, so this is the same as once.
        await().atMost(Duration.ofSeconds(10)).until(() -> writes.size() >= 2);
        workers.close();
        assertEquals(List.of("seen alice", "seen alice"), writes.stream().sorted().toList());
        assertEquals(List.of(), said);
    }
}
