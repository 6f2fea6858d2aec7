package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static dev.carrier.server.TestServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.chat.HistoryRetention;
import dev.carrier.runtime.ManualTime;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each room's lines are kept: shown with their times on entering, after a restart, by /history and REST. */
class ChatHistoryTest {

    @TempDir
    Path data;

    private final ManualTime time = new ManualTime(Instant.parse("2026-01-31T12:00:00Z"));
    private TestServer bbs;

    @AfterEach
    void stop() {
        if (bbs != null) bbs.close();
    }

    private TestServer start(HistoryRetention retention) {
        bbs = TestServer.start(ServerConfig.forTests(data).toBuilder().time(time).chatHistory(retention).build());
        return bbs;
    }

    /** Says {@code line 1} to {@code line N}, two seconds apart (the send budget refills meanwhile). */
    private void sayLines(TelnetTestClient caller, int count) {
        for (int i = 1; i <= count; i++) {
            caller.sendLine("line " + i);
            caller.awaitText("> line " + i, WAIT);
            time.advance(Duration.ofSeconds(2));
        }
    }

    /** The room's kept lines over REST, once {@code count} of them are stored. */
    private List<JsonNode> storedLines(String room, int count) {
        JsonClient reader = bbs.json("reader");
        List<JsonNode> lines = new ArrayList<>();
        eventually().untilAsserted(() -> {
            lines.clear();
            reader.get("/api/rooms/" + room + "/history?limit=200").body().forEach(lines::add);
            assertEquals(count, lines.size(), lines.toString());
        });
        return lines;
    }

    @Test
    void theLinesOfARoomOutliveARestartWithTheirOrderAndTimes() {
        start(HistoryRetention.defaults());
        TelnetTestClient alice = TestServer.inRoom(bbs.inChat("alice"), "games");
        alice.sendLine("first");
        alice.awaitText("<alice> first", WAIT);
        time.advance(Duration.ofMinutes(3));
        alice.sendLine("/me rolls a six");
        alice.awaitText("* alice rolls a six", WAIT);
        time.advance(Duration.ofMinutes(58));
        alice.sendLine("/topic dice");
        alice.awaitText("*** alice set the topic: dice", WAIT);
        storedLines("games", 3);
        bbs.close();

        start(HistoryRetention.defaults());
        TelnetTestClient bob = TestServer.inRoom(bbs.inChat("bob"), "games");
        String seen = bob.awaitText("[2026-01-31 13:01] *** alice set the topic: dice", WAIT);
        assertTrue(bob.transcript().contains("*** You are in #games: dice"), bob.transcript());
        int first = seen.indexOf("[2026-01-31 12:00] <alice> first");
        int second = seen.indexOf("[2026-01-31 12:03] * alice rolls a six");
        assertTrue(first >= 0 && second > first, seen);

        List<JsonNode> lines = storedLines("games", 3);
        assertEquals("public", lines.get(0).path("kind").asText());
        assertEquals("alice", lines.get(0).path("from").asText());
        assertEquals("first", lines.get(0).path("text").asText());
        assertEquals("2026-01-31T12:00:00Z", lines.get(0).path("timestamp").asText());
        assertEquals("action", lines.get(1).path("kind").asText());
        assertEquals("system", lines.get(2).path("kind").asText());
        assertTrue(lines.get(0).path("id").asLong() < lines.get(1).path("id").asLong());
    }

    @Test
    void whatIsStoredIsWhatTheRoomDeliveredInTheSameOrder() {
        start(HistoryRetention.defaults());
        TelnetTestClient alice = TestServer.inRoom(bbs.inChat("alice"), "race");
        TelnetTestClient bob = TestServer.inRoom(bbs.inChat("bob"), "race");
        JsonClient carol = bbs.json("carol").connect();
        carol.send("join_room", JsonClient.body("room", "race"));
        carol.await("room");
        for (int i = 0; i < 4; i++) {
            alice.sendLine("a" + i);
            bob.sendLine("b" + i);
            carol.send("chat_say", JsonClient.body("text", "c" + i));
            time.advance(Duration.ofSeconds(2)); // refills the send budget
        }
        List<String> delivered = new ArrayList<>();
        eventually().untilAsserted(() -> {
            delivered.clear();
            carol.all("chat").stream().filter(d -> d.path("kind").asText().equals("public"))
                    .forEach(d -> delivered.add(d.path("text").asText()));
            assertEquals(12, delivered.size(), delivered.toString());
        });
        List<String> stored = storedLines("race", 12).stream().map(l -> l.path("text").asText()).toList();
        assertEquals(delivered, stored);
    }

    @Test
    void historyPagesBackAScreenAtATime() {
        start(HistoryRetention.defaults());
        TelnetTestClient alice = TestServer.inRoom(bbs.inChat("alice"), "games");
        sayLines(alice, 5);
        storedLines("games", 5);
        alice.sendLine("/history 2");
        String page = alice.awaitText("*** End of history page; /history again for earlier lines", WAIT);
        assertTrue(page.contains("<alice> line 4") && page.contains("<alice> line 5"), page);
        alice.sendLine("/history 2");
        page = alice.awaitText("*** End of history page", WAIT);
        assertTrue(page.contains("<alice> line 2") && page.contains("<alice> line 3") && !page.contains("line 4"), page);
        alice.sendLine("/history 2");
        page = alice.awaitText("*** End of history page", WAIT);
        assertTrue(page.contains("<alice> line 1"), page);
        alice.sendLine("/history 2");
        alice.awaitText("*** That is the start of #games's history", WAIT);
        alice.sendLine("/history lots");
        alice.awaitText("Usage: /history [N] (N from 1 to 200)", WAIT);
    }

    @Test
    void restPagesBackWithBefore() {
        start(HistoryRetention.defaults());
        TelnetTestClient alice = TestServer.inRoom(bbs.inChat("alice"), "games");
        sayLines(alice, 4);
        List<JsonNode> all = storedLines("games", 4);
        JsonClient reader = bbs.json("reader");
        JsonNode newest = reader.get("/api/rooms/games/history?limit=2").body();
        assertEquals("line 3", newest.get(0).path("text").asText());
        assertEquals("line 4", newest.get(1).path("text").asText());
        JsonNode older = reader.get("/api/rooms/Games/history?limit=2&before=" + newest.get(0).path("id").asLong())
                .body();
        assertEquals("line 1", older.get(0).path("text").asText());
        assertEquals(all.get(1).path("id"), older.get(1).path("id"));
        assertEquals(400, reader.get("/api/rooms/games/history?before=x").status());
        assertEquals(404, reader.get("/api/rooms/nowhere/history").status());
    }

    @Test
    void retentionKeepsTheLastLinesAndNothingTooOld() {
        start(new HistoryRetention(2, Duration.ofDays(1)));
        TelnetTestClient alice = TestServer.inRoom(bbs.inChat("alice"), "games");
        sayLines(alice, 4);
        storedLines("games", 4);
        bbs.close();

        start(new HistoryRetention(2, Duration.ofDays(1)));
        List<JsonNode> kept = storedLines("games", 2);
        assertEquals("line 3", kept.get(0).path("text").asText());
        assertEquals("line 4", kept.get(1).path("text").asText());
        bbs.close();

        time.advance(Duration.ofDays(2));
        start(new HistoryRetention(2, Duration.ofDays(1)));
        storedLines("games", 0);
        TelnetTestClient bob = TestServer.inRoom(bbs.inChat("bob"), "games");
        bob.sendLine("/history");
        bob.awaitText("*** No history in #games", WAIT);
    }
}
