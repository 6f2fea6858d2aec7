package dev.carrier.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.bus.Bus;
import dev.carrier.bus.LinkedBuses;
import dev.carrier.bus.Partitioned;
import dev.carrier.runtime.ManualTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rooms whose seats are on several servers: one room, one join and one leave per person, per server. */
class ClusterRoomsTest {

    private final ManualTime time = new ManualTime();
    private final LinkedBuses link = new LinkedBuses();
    private final RoomName games = new RoomName("games");

    /** One server: its rooms and the joins and leaves its own subscribers hear. */
    private final class Server {
        final Bus bus = link.add();
        final List<String> heard = new ArrayList<>();
        final List<String> told = new ArrayList<>();
        final ChatManager chat;

        Server(String name) {
            bus.subscribe(message -> {
                if (message instanceof ChatEvent.Join join) heard.add("join " + join.handle() + " " + join.room());
                if (message instanceof ChatEvent.Leave leave) heard.add("leave " + leave.handle() + " " + leave.room());
            });
            chat = new ChatManager(bus, time, ChatConfig.defaults(), ChatArchive.Kept.NOTHING, (r, s) -> false, name);
        }

        ChatManager.Membership enter(RoomName room, String handle, String via) {
            Visitor visitor = new Visitor(handle, false, via, Optional.empty(), told::add);
            return ((ChatManager.Entry.Joined) chat.join(room, visitor, false)).membership();
        }
    }

    private final Server a = new Server("a");
    private final Server b = new Server("b");

    @Test
    void onePersonOnTwoServersJoinsOnceAndLeavesOnceEverywhere() {
        ChatManager.Membership here = a.enter(games, "alice", "telnet");
        ChatManager.Membership there = b.enter(games, "alice", "web");

        for (Server server : List.of(a, b)) {
            assertEquals(List.of(new ChatManager.Participant("alice", Set.of("telnet", "web"))),
                    server.chat.participants(games));
            assertEquals(1, server.chat.room(games).orElseThrow().members());
            assertEquals(List.of(games), server.chat.roomsOf("alice"));
        }
        a.chat.leave(here);
        assertTrue(b.chat.isInRoom("alice"));
        b.chat.leave(there);

        for (Server server : List.of(a, b)) {
            assertEquals(List.of("join alice #games", "leave alice #games"), server.heard);
            assertEquals(List.of(), server.chat.participants(games));
        }
    }

    @Test
    void aRoomMadeOnOneServerExistsOnAllWithItsTopic() {
        a.enter(games, "alice", "telnet");
        a.chat.topic(games, "alice", false, Optional.of("dice"));

        assertEquals(Optional.of("alice"), b.chat.room(games).orElseThrow().owner());
        assertEquals("dice", b.chat.room(games).orElseThrow().topic());
        assertTrue(b.chat.owns(games, "alice"));
    }

    @Test
    void aShareTakenBeforeASeatAndHeardAfterItUndoesNothing() {
        Partitioned.Share<RoomSeat> before = a.chat.ownShare();
        a.enter(games, "alice", "telnet");
        assertEquals(List.of("join alice #games"), b.heard);

        b.chat.reconcile("a", before); // a heartbeat taken on a worker just before alice came in

        assertTrue(b.chat.isInRoom("alice"));
        assertEquals(List.of("join alice #games"), b.heard, "no leave and join again");
        b.chat.reconcile("a", a.chat.ownShare());
        assertEquals(List.of("join alice #games"), b.heard);
    }

    @Test
    void twoServersMakingOneRoomAtOnceAgreeOnTheFirstFounder() {
        link.hold();
        a.enter(games, "alice", "telnet");
        b.enter(games, "bob", "telnet");
        assertTrue(b.chat.owns(games, "bob"), "before it hears of alice's, bob's server thinks the room his");
        link.release();

        for (Server server : List.of(a, b)) {
            assertEquals(Optional.of("alice"), server.chat.room(games).orElseThrow().owner(), "the first founding stands");
            assertEquals(2, server.chat.room(games).orElseThrow().members());
        }
        b.chat.topic(games, "alice", false, Optional.of("dice"));
        assertEquals("dice", a.chat.room(games).orElseThrow().topic(), "later changes still apply");
    }

    @Test
    void aKickReachesThePersonOnEveryServerAndIsAnnouncedOnce() {
        List<String> lines = new ArrayList<>();
        b.bus.subscribe(message -> {
            if (message instanceof ChatEvent.System line) lines.add(line.text());
        });
        a.enter(games, "alice", "telnet");
        a.enter(games, "bob", "telnet");
        b.enter(games, "bob", "web");

        assertEquals("", a.chat.kick(games, "alice", false, "BOB", Optional.of("spam")));

        assertEquals(List.of("*** You were kicked from #games by alice: spam"), a.told);
        assertEquals(List.of("*** You were kicked from #games by alice: spam"), b.told);
        assertEquals(List.of("bob was kicked by alice: spam"), lines);
        for (Server server : List.of(a, b)) {
            assertEquals(List.of("alice"), server.chat.participants(games).stream()
                    .map(ChatManager.Participant::handle).toList());
            assertEquals(1, server.heard.stream().filter(line -> line.startsWith("leave bob")).count());
        }
    }

    @Test
    void aServerGoneTakesItsSeatsAndLeavesFollow() {
        a.enter(games, "alice", "telnet");
        a.enter(games, "bob", "telnet");
        b.enter(games, "bob", "web");

        b.chat.serverGone("a");

        assertEquals(List.of("bob"), b.chat.participants(games).stream().map(ChatManager.Participant::handle).toList());
        assertEquals(List.of("join alice #games", "join bob #games", "leave alice #games"), b.heard);
    }

    @Test
    void aReconcileFromAShareFixesMissedSeats() {
        a.enter(games, "carol", "telnet");
        link.cut(a.bus);
        ChatManager.Membership carol = a.enter(RoomName.LOBBY, "carol", "telnet");
        a.enter(games, "dave", "ssh");
        a.chat.leave(carol);
        link.mend(a.bus);
        assertEquals(List.of("carol"), b.chat.participants(games).stream().map(ChatManager.Participant::handle).toList());

        b.chat.reconcile("a", a.chat.ownShare());

        assertEquals(List.of("carol", "dave"), b.chat.participants(games).stream()
                .map(ChatManager.Participant::handle).toList());
        assertEquals(List.of("join carol #games", "join dave #games"), b.heard);
        b.chat.reconcile("b", new Partitioned.Share<>(0, List.of()));
        assertEquals(2, b.chat.room(games).orElseThrow().members());
    }

    @Test
    void linesStayReplicatedAndReachEveryServersRoom() {
        List<ChatEvent> heard = new ArrayList<>();
        b.bus.subscribe(message -> {
            if (message instanceof ChatEvent.Public line) heard.add(line);
        });
        a.enter(games, "alice", "telnet");
        a.chat.say(games, "alice", "hello");

        assertEquals(1, heard.size());
        assertEquals(List.of(games), b.chat.roomsOf("alice"));
    }
}
