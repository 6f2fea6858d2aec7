package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every row of the rooms table in PROTOCOL.md, over real telnet and JSON clients. */
class RoomsTest {

    @TempDir
    Path data;

    private TestServer bbs;
    private TelnetTestClient alice;
    private TelnetTestClient bob;

    @BeforeEach
    void start() {
        bbs = TestServer.start(data);
        bob = bbs.inChat("bob");
        alice = bbs.inChat("alice");
        bob.awaitText("*** alice has joined chat", WAIT);
    }

    @AfterEach
    void stop() {
        bbs.close();
    }

    private static boolean field(JsonNode data, String name, String value) {
        return data.path(name).asText().equals(value);
    }

    @Test
    void joinMakesANewRoomAndOthersThereSeeTheJoinWhileTheLobbyHearsNothingOfIt() {
        alice.sendLine("/join Games");
        alice.awaitText("*** You are in #games", WAIT);
        bob.awaitText("*** alice has left chat", WAIT);
        TestServer.inRoom(bob, "games");
        alice.awaitText("*** bob has joined #games", WAIT);

        TelnetTestClient carol = bbs.inChat("carol");
        alice.sendLine("only for games");
        bob.awaitText("<alice> only for games", WAIT);
        carol.sendLine("in the lobby");
        carol.awaitText("<carol> in the lobby", WAIT);
        alice.sendLine("marker");
        bob.awaitText("<alice> marker", WAIT);
        assertFalse(carol.transcript().contains("only for games"), carol.transcript());
        assertFalse(bob.transcript().contains("in the lobby"), bob.transcript());
    }

    @Test
    void aBadRoomNameSaysTheRule() {
        alice.sendLine("/join x");
        alice.awaitText("*** a room name is 2-24 letters, digits, - or _", WAIT);
        alice.sendLine("/join has.dot");
        alice.awaitText("*** a room name is 2-24 letters, digits, - or _", WAIT);
    }

    @Test
    void oneUserMakesAtMostTenRooms() {
        for (int i = 1; i <= 10; i++) TestServer.inRoom(alice, "mine" + i);
        alice.sendLine("/join mine11");
        alice.awaitText("*** you own 10 rooms already; join one of /list", WAIT);
        TestServer.inRoom(bob, "mine11");
    }

    @Test
    void partGoesBackToTheLobby() {
        TestServer.inRoom(alice, "games");
        bob.sendLine("/join games");
        alice.awaitText("*** bob has joined #games", WAIT);
        bob.sendLine("/part");
        alice.awaitText("*** bob has left #games", WAIT);
        bob.sendLine("back home");
        bob.awaitText("<bob> back home", WAIT);
        bob.sendLine("/who");
        String who = bob.awaitText("Online - 1", WAIT);
        bob.awaitText("bob", WAIT);
        assertTrue(who.contains("Name"), who);
    }

    @Test
    void listShowsRoomsBusiestFirstWithCountsAndTopics() {
        TestServer.inRoom(alice, "quiet");
        alice.sendLine("/topic nobody here");
        alice.awaitText("*** alice set the topic: nobody here", WAIT);
        alice.sendLine("/part");
        alice.awaitText("*** You are in #lobby", WAIT);
        TelnetTestClient carol = bbs.inChat("carol");
        carol.sendLine("/list");
        String list = carol.awaitPattern(Pattern.compile("#quiet\\s+0\\s+nobody here")).group();
        assertTrue(carol.transcript().indexOf("#lobby") < carol.transcript().lastIndexOf(list), carol.transcript());
        assertTrue(Pattern.compile("Room\\s+People\\s+Topic").matcher(carol.transcript()).find());
    }

    @Test
    void topicIsShownToAllAndOnlyTheOwnerOrASysopMaySetIt() {
        TestServer.inRoom(alice, "games");
        alice.sendLine("/topic");
        alice.awaitText("No topic is set in #games", WAIT);
        bob.sendLine("/join games");
        alice.awaitText("*** bob has joined #games", WAIT);
        alice.sendLine("/topic dice at nine");
        bob.awaitText("*** alice set the topic: dice at nine", WAIT);
        bob.sendLine("/topic mine now");
        bob.awaitText("Only the owner of #games (alice) or a sysop can use /topic.", WAIT);
        bob.sendLine("/topic");
        bob.awaitText("Topic of #games: dice at nine", WAIT);

        Cli.run(data, "user", "sysop", "bob").succeeded();
        bob.sendLine("/topic sysop says");
        alice.awaitText("*** bob set the topic: sysop says", WAIT);
    }

    @Test
    void whoListsThisRoomAndWhoStarListsEveryoneByRoom() {
        TestServer.inRoom(alice, "games");
        alice.sendLine("/who");
        alice.awaitText("alice", WAIT);
        alice.awaitText("telnet", WAIT);
        assertFalse(alice.unread().contains("bob"));
        alice.sendLine("/who *");
        String all = alice.awaitPattern(Pattern.compile("#lobby[\\s\\S]*bob")).group();
        assertTrue(alice.transcript().contains("#games"), alice.transcript());
        assertTrue(all.contains("#lobby"), all);
    }

    @Test
    void aPrivateRoomRefusesTheUninvitedAndLetsInTheInvitedAndSysops() {
        alice.sendLine("/join secret private");
        alice.awaitText("*** You are in #secret", WAIT);
        bob.sendLine("/join secret");
        bob.awaitText("*** #secret is invite-only; ask its owner for an invitation", WAIT);
        bob.sendLine("/invite bob");
        bob.awaitText("*** #lobby is open to everyone", WAIT);
        alice.sendLine("/invite bob");
        alice.awaitText("*** Invited bob to #secret", WAIT);
        TestServer.inRoom(bob, "secret");
        alice.awaitText("*** bob has joined #secret", WAIT);
        bob.sendLine("/invite carol");
        bob.awaitText("Only the owner of #secret (alice) or a sysop can use /invite.", WAIT);

        Cli.addUser(data, "sam", "secret-sam", "--sysop").succeeded();
        TelnetTestClient sam = TestServer.enterChat(bbs.login("sam", "secret-sam"));
        TestServer.inRoom(sam, "secret");

        TelnetTestClient carol = bbs.inChat("carol");
        carol.sendLine("/list");
        carol.awaitText("#secret (private)", WAIT);
    }

    @Test
    void theOwnerKicksSomeoneBackToTheLobbyAndOthersMayNot() {
        TestServer.inRoom(alice, "games");
        bob.sendLine("/join games");
        alice.awaitText("*** bob has joined #games", WAIT);
        bob.sendLine("/kick alice");
        bob.awaitText("Only the owner of #games (alice) or a sysop can use /kick.", WAIT);
        alice.sendLine("/kick bob too loud");
        alice.awaitText("*** bob was kicked by alice: too loud", WAIT);
        bob.awaitText("*** You were kicked from #games by alice: too loud", WAIT);
        bob.awaitText("*** You are in #lobby", WAIT);
        alice.awaitText("*** bob has left #games", WAIT);
        alice.sendLine("/who");
        alice.awaitText("Online - 1", WAIT);
        bob.sendLine("/who");
        bob.awaitText("Online - 1", WAIT);
    }

    @Test
    void aSysopKicksInAnyRoomAndStillHangsUpFromTheLobby() {
        TestServer.inRoom(alice, "games");
        Cli.run(data, "user", "sysop", "bob").succeeded();
        bob.sendLine("/join games");
        alice.awaitText("*** bob has joined #games", WAIT);
        bob.sendLine("/kick alice");
        alice.awaitText("*** You were kicked from #games by bob", WAIT);
        assertFalse(alice.transcript().contains("disconnected"), alice.transcript());
    }

    @Test
    void aJsonClientAndATelnetCallerMeetInARoom() {
        TestServer.inRoom(alice, "games");
        JsonClient carol = bbs.json("carol").connect();
        carol.send("join_room", JsonClient.body("room", "Games"));
        JsonNode room = carol.await("room");
        assertEquals("games", room.path("room").asText());
        alice.awaitText("*** carol has joined #games", WAIT);

        alice.sendLine("hi carol");
        JsonNode line = carol.await("chat", d -> field(d, "kind", "public") && field(d, "text", "hi carol"));
        assertEquals("games", line.path("room").asText());
        carol.send("chat_say", JsonClient.body("room", "games", "text", "hi alice"));
        alice.awaitText("<carol> hi alice", WAIT);
        bob.sendLine("lobby only");
        bob.awaitText("<bob> lobby only", WAIT);

        alice.sendLine("/who");
        alice.awaitPattern(Pattern.compile("carol.*app"));

        carol.send("chat_say", JsonClient.body("room", "lobby", "text", "wrong room"));
        assertEquals("not_in_room", carol.await("error").path("code").asText());

        carol.send("leave_room", null);
        alice.awaitText("*** carol has left #games", WAIT);
        assertEquals("lobby", carol.await("room", d -> field(d, "room", "lobby")).path("room").asText());
        carol.send("chat_say", JsonClient.body("text", "back in the lobby"));
        bob.awaitText("<carol> back in the lobby", WAIT);
        assertTrue(carol.all("chat").stream().noneMatch(d -> d.path("text").asText().equals("lobby only")));
    }

    @Test
    void aUsersTelnetAndJsonConnectionsJoinOnceAndLeaveOnce() {
        TestServer.inRoom(alice, "games");
        JsonClient bobApp = bbs.json("bob").connect();
        bobApp.send("join_room", JsonClient.body("room", "games"));
        alice.awaitText("*** bob has joined #games", WAIT);
        TestServer.inRoom(bob, "games");
        bobApp.send("leave_room", null);
        bobApp.await("room", d -> field(d, "room", "lobby"));
        bob.sendLine("still here");
        alice.awaitText("<bob> still here", WAIT);
        bob.sendLine("/part");
        alice.awaitText("*** bob has left #games", WAIT);
        String seen = alice.transcript();
        assertEquals(1, seen.split(Pattern.quote("*** bob has joined #games"), -1).length - 1, seen);
        assertEquals(1, seen.split(Pattern.quote("*** bob has left #games"), -1).length - 1, seen);
    }

    @Test
    void anUninvitedJsonClientIsRefusedAPrivateRoom() {
        alice.sendLine("/join secret private");
        alice.awaitText("*** You are in #secret", WAIT);
        JsonClient carol = bbs.json("carol").connect();
        carol.send("join_room", JsonClient.body("room", "secret"));
        assertEquals("not_invited", carol.await("error").path("code").asText());
        JsonClient.Answer history = carol.get("/api/rooms/secret/history");
        assertEquals(404, history.status());
        assertEquals("no_such_room", history.body().path("error").path("code").asText());
    }

    @Test
    void restListsTheRoomsBusiestFirst() {
        TestServer.inRoom(alice, "games");
        alice.sendLine("/topic dice");
        alice.awaitText("*** alice set the topic: dice", WAIT);
        bob.sendLine("/join games");
        alice.awaitText("*** bob has joined #games", WAIT);
        JsonClient carol = bbs.json("carol");
        JsonClient.Answer rooms = carol.get("/api/rooms");
        assertEquals(200, rooms.status());
        JsonNode first = rooms.body().get(0);
        assertEquals("games", first.path("room").asText());
        assertEquals(2, first.path("members").asInt());
        assertEquals("dice", first.path("topic").asText());
        assertEquals("alice", first.path("owner").asText());
        assertEquals("lobby", rooms.body().get(1).path("room").asText());
    }

    @Test
    void roomsOwnersTopicsAndInvitationsOutliveARestart() {
        alice.sendLine("/join secret private");
        alice.awaitText("*** You are in #secret", WAIT);
        alice.sendLine("/topic kept");
        alice.awaitText("*** alice set the topic: kept", WAIT);
        alice.sendLine("/invite bob");
        alice.awaitText("*** Invited bob to #secret", WAIT);
        bbs.close();

        bbs = TestServer.start(data);
        TelnetTestClient carol = bbs.inChat("carol");
        carol.sendLine("/join secret");
        carol.awaitText("*** #secret is invite-only", WAIT);
        TelnetTestClient bob2 = TestServer.enterChat(bbs.login("bob", "secret-bob"));
        bob2.sendLine("/join secret");
        bob2.awaitText("*** You are in #secret: kept", WAIT);
        bob2.sendLine("/topic changed");
        bob2.awaitText("Only the owner of #secret (alice) or a sysop can use /topic.", WAIT);
    }
}
