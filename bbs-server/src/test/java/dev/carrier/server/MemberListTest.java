package dev.carrier.server;

import static dev.carrier.server.JsonClient.named;
import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.presence.SqlitePresenceStore;
import dev.carrier.runtime.ManualTime;
import dev.carrier.telnet.TelnetTestClient;
import dev.carrier.user.User;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The who list as a member list, over telnet and /events: display names, groups in order,
 * colours and badges, offline members with "last seen", and GET /api/members. Time is moved by hand.
 */
class MemberListTest {

    @TempDir
    Path data;

    private final ManualTime time = new ManualTime();
    private TestServer bbs;

    @BeforeEach
    void start() {
        bbs = TestServer.start(ServerConfig.forTests(data).withTime(time));
    }

    @AfterEach
    void stop() {
        bbs.close();
    }

    private User stored(String handle) {
        return bbs.server().users().find(handle).orElseThrow();
    }

    private void profile(String handle, String displayName) {
        bbs.server().users().updateProfile(stored(handle).id(), displayName, "", "");
    }

    private void colourOn(String handle) {
        User user = stored(handle);
        bbs.server().users().updatePreferences(user.id(), user.preferences().withColour(true));
    }

    private TelnetTestClient callWith(int columns, String type) {
        return bbs.call(TelnetTestClient.Options.telnet().withWindowSize(columns, 40).withTerminalType(type));
    }

    @Test
    void displayNamesTravelWithPresenceAndShowBesideHandlesWhereThereIsRoom() {
        bbs.createUser("alice", "secret-alice");
        profile("alice", "Alice Liddell");
        JsonClient bob = bbs.json("bob").connect();
        JsonNode self = bob.await("presence", d -> named(d, "username", "bob"));
        assertEquals("bob", self.path("display_name").asText(), "no display name: the handle stands in");

        TelnetTestClient alice = TestServer.login(callWith(80, "xterm"), "alice", "secret-alice");
        JsonNode online = bob.await("presence", d -> named(d, "username", "alice") && named(d, "status", "online"));
        assertEquals("Alice Liddell", online.path("display_name").asText());
        assertFalse(online.has("last_seen"), "last_seen comes only with offline");

        alice.send("w");
        alice.awaitPattern(Pattern.compile("Node  Name\\s+Activity"), WAIT);
        alice.awaitPattern(Pattern.compile("\\d+  Alice Liddell \\(alice\\)\\s+Who's Online"), WAIT);
        alice.awaitText("Using an app", WAIT);

        TelnetTestClient narrow = TestServer.login(callWith(60, "xterm"), "alice", "secret-alice");
        narrow.send("w");
        narrow.awaitPattern(Pattern.compile("Node  Handle\\s+Activity"), WAIT);
        narrow.awaitPattern(Pattern.compile("\\d+  alice\\s+Who's Online"), WAIT);
        assertFalse(narrow.transcript().contains("Alice Liddell (alice)"), narrow.transcript());

        alice.sendLine("");
        alice.awaitText("Main menu: ", WAIT);
        TestServer.enterChat(alice).sendLine("/who");
        alice.awaitPattern(Pattern.compile("Name\\s+Activity[\\s\\S]*Alice Liddell \\(alice\\)\\s+In Chat"), WAIT);

        JsonNode list = bob.get("/api/presence").body();
        JsonNode entry = list.findParents("username").stream().filter(d -> named(d, "username", "alice"))
                .findFirst().orElseThrow();
        assertEquals("Alice Liddell", entry.path("display_name").asText());
    }

    @Test
    void whoGroupsOnlineAwayDndAndOfflineAlphabeticallyByDisplayNameInColourWithABadge() {
        bbs.createUser("zed", "secret-zed");
        profile("zed", "Aaron Zed");
        bbs.createUser("amy", "secret-amy");
        profile("amy", "Zoe Amy");
        bbs.createUser("dana", "secret-dana");
        bbs.server().users().setSysop(stored("dana").id(), true);
        bbs.createUser("gone", "secret-gone");
        bbs.createUser("viewer", "secret-viewer");
        colourOn("viewer");

        TelnetTestClient gone = bbs.login("gone", "secret-gone");
        gone.close();
        SqlitePresenceStore kept = new SqlitePresenceStore(bbs.server().database());
        TestServer.eventually().until(() -> kept.lastSeen("gone").isPresent());
        time.advance(Duration.ofHours(3));

        JsonClient zed = bbs.json("zed").connect();
        JsonClient amy = bbs.json("amy").connect();
        JsonClient dana = bbs.json("dana").connect();
        dana.send("set_status", JsonClient.body("status", "dnd"));
        amy.await("presence", d -> named(d, "username", "dana") && named(d, "status", "dnd"));
        zed.send("set_status", JsonClient.body("status", "away"));
        amy.await("presence", d -> named(d, "username", "zed") && named(d, "status", "away"));

        TelnetTestClient viewer = TestServer.login(callWith(80, "xterm"), "viewer", "secret-viewer");
        viewer.send("w");
        viewer.awaitText("Handle for details", WAIT);
        String screen = viewer.transcript();
        int online = screen.indexOf("\u001b[32mOnline\u001b[0m - 2");
        int away = screen.indexOf("\u001b[33mAway\u001b[0m - 1");
        int dnd = screen.indexOf("\u001b[31mDo not disturb\u001b[0m - 1");
        int offline = screen.indexOf("\u001b[90mOffline\u001b[0m - 1");
        assertTrue(online >= 0 && online < away && away < dnd && dnd < offline, screen);
        // Alphabetical by display name: "viewer" before "Zoe Amy", though amy < viewer by handle.
        assertTrue(screen.indexOf("viewer ") < screen.indexOf("Zoe Amy (amy)"), screen);
        assertTrue(screen.indexOf("Aaron Zed (zed)") > away && screen.indexOf("Aaron Zed (zed)") < dnd, screen);
        assertTrue(screen.contains("dana [sysop]"), screen);
        assertTrue(Pattern.compile("gone\\s+seen 3 h ago\\s+-\\s+-").matcher(screen).find(), screen);

        viewer.sendLine("dana");
        viewer.awaitText("Role:      Sysop", WAIT);
        viewer.sendLine("gone");
        viewer.awaitText("Role:      Member", WAIT);
        viewer.awaitText("Last seen 3 h ago (2026-01-01 12:00 UTC)", WAIT);

        TelnetTestClient plain = TestServer.login(callWith(80, "xterm"), "zed", "secret-zed");
        plain.send("w");
        plain.awaitText("Offline - 1", WAIT);
        assertFalse(plain.transcript().contains("\u001b[32m"), "no colour for a caller who did not turn it on");
    }

    @Test
    void goingOfflineRecordsLastSeenForPresenceWhoisAndTheMemberList() {
        JsonClient bob = bbs.json("bob").connect();
        bbs.createUser("alice", "secret-alice");
        profile("alice", "Alice Liddell");
        TelnetTestClient alice = bbs.login("alice", "secret-alice");
        bob.await("presence", d -> named(d, "username", "alice") && named(d, "status", "online"));
        time.advance(Duration.ofMinutes(10));
        alice.close();

        JsonNode offline = bob.await("presence", d -> named(d, "username", "alice") && named(d, "status", "offline"));
        assertEquals("2026-01-01T12:10:00Z", offline.path("last_seen").asText());
        assertEquals("Alice Liddell", offline.path("display_name").asText());

        time.advance(Duration.ofHours(3));
        TelnetTestClient carol = TestServer.enterChat(bbs.register("carol", "secret-carol"));
        carol.sendLine("/whois alice");
        carol.awaitText("Alice Liddell (alice)", WAIT);
        carol.awaitText("Last seen 3 h ago (2026-01-01 12:10 UTC)", WAIT);

        JsonNode first = bob.get("/api/members?limit=2").body();
        assertEquals(2, first.size(), first.toString());
        assertEquals("alice", first.get(0).path("username").asText());
        assertEquals("offline", first.get(0).path("status").asText());
        assertEquals("2026-01-01T12:10:00Z", first.get(0).path("last_seen").asText());
        assertEquals("Alice Liddell", first.get(0).path("display_name").asText());
        assertEquals("bob", first.get(1).path("username").asText());
        assertEquals("away", first.get(1).path("status").asText(), "idle for three hours");
        assertTrue(first.get(1).path("last_seen").isNull());
        JsonNode next = bob.get("/api/members?limit=2&after=bob").body();
        assertEquals(1, next.size(), next.toString());
        assertEquals("carol", next.get(0).path("username").asText());
        assertEquals(400, bob.get("/api/members?limit=0").status());
    }
}
