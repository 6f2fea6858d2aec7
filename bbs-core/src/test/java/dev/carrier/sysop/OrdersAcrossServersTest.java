package dev.carrier.sysop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.audit.SqliteAuditLog;
import dev.carrier.bus.Bus;
import dev.carrier.bus.InProcessBus;
import dev.carrier.bus.LinkedBuses;
import dev.carrier.presence.Presence;
import dev.carrier.presence.PresenceTracker;
import dev.carrier.session.CallerHost;
import dev.carrier.store.Database;
import dev.carrier.terminal.TestTerminal;
import dev.carrier.user.SqliteUserStore;
import dev.carrier.user.User;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers' sessions and sysop powers on linked buses: kicks by handle, hang-ups for a ban,
 * broadcasts and pages to the sysop reach callers on whichever server they are.
 */
class OrdersAcrossServersTest {

    @TempDir
    Path dir;

    private Database db;
    private SqliteUserStore users;
    /** Stands in for the merged, cluster-wide presence both servers read. */
    private final Presence presence = new Presence(new InProcessBus(), Clock.systemUTC(), Duration.ofMinutes(15));
    private final LinkedBuses link = new LinkedBuses();
    private Server one;
    private Server two;

    /** One server: its callers, its sysop powers, and its JSON connections (counted only). */
    private final class Server implements AppConnections {
        final CallerHost callers = new CallerHost();
        final Bus bus = link.add();
        final NodeAdmin admin;
        final SysopChat sysopChat;
        final List<String> announced = new CopyOnWriteArrayList<>();
        final List<String> appsClosed = new CopyOnWriteArrayList<>();
        volatile int apps;

        Server() {
            callers.host().addListener(new PresenceTracker(presence));
            admin = new NodeAdmin(callers.nodes(), new SqliteAuditLog(db, Clock.systemUTC()), bus, presence);
            admin.onBroadcast(announced::add);
            admin.reachApps(this);
            sysopChat = new SysopChat(callers.nodes(), presence, bus, Clock.systemUTC());
        }

        TestTerminal call(String handle) {
            return callers.call(users.find(handle).orElseThrow());
        }

        @Override
        public int count(String handle) {
            return handle.equalsIgnoreCase("bob") ? apps : 0;
        }

        @Override
        public int close(String handle, String reason) {
            if (count(handle) > 0) appsClosed.add(handle + ": " + reason);
            return count(handle);
        }
    }

    @BeforeEach
    void start() {
        db = Database.open(dir);
        users = new SqliteUserStore(db, Clock.systemUTC());
        users.create("alice", "x");
        users.create("bob", "x");
        User sysop = users.create("sysop", "x");
        users.setSysop(sysop.id(), true);
        one = new Server();
        two = new Server();
    }

    @AfterEach
    void stop() {
        one.callers.close();
        two.callers.close();
        db.close();
    }

    @Test
    void aKickByHandleHangsUpTheCallerOnEveryServerAndSaysWhereItCounted() {
        TestTerminal bobHere = one.call("bob");
        TestTerminal bobThere = two.call("bob");
        two.apps = 1;
        presence.connected("bob"); // bob's JSON connection on server two

        Kick kick = one.admin.kick("sysop", "BOB", Optional.of("take a break"));

        assertEquals("(node 1, and on other servers)", kick.describe());
        bobHere.awaitText("*** You have been disconnected by the sysop: take a break");
        bobThere.awaitText("*** You have been disconnected by the sysop: take a break");
        assertTrue(bobHere.awaitClosed());
        assertTrue(bobThere.awaitClosed());
        assertEquals(List.of("bob: You have been disconnected by the sysop: take a break"), two.appsClosed);
    }

    @Test
    void aCallerOnlyOnAnotherServerIsKickedThereAndNobodyOnlineIsRefused() {
        TestTerminal bob = two.call("bob");
        assertEquals("(on other servers)", one.admin.kick("sysop", "bob", Optional.empty()).describe());
        bob.awaitText("*** You have been disconnected by the sysop.");
        assertTrue(bob.awaitClosed());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> presence.find("bob").isEmpty());
        SysopException refused = assertThrows(SysopException.class,
                () -> one.admin.kick("sysop", "bob", Optional.empty()));
        assertEquals("bob is not online", refused.getMessage());
    }

    @Test
    void aBanHangsUpTheUserOnEveryServer() {
        TestTerminal bobHere = one.call("bob");
        TestTerminal bobThere = two.call("bob");
        assertEquals(1, one.admin.hangUpEverywhere("bob", "*** You have been banned."));
        bobHere.awaitText("*** You have been banned.");
        bobThere.awaitText("*** You have been banned.");
        assertTrue(bobThere.awaitClosed());
    }

    @Test
    void aBroadcastReachesEveryCallerOnEveryServerAndIsCountedHere() {
        TestTerminal alice = one.call("alice");
        TestTerminal bob = two.call("bob");
        assertEquals(1, one.admin.broadcast("sysop", "going down at noon"));
        alice.awaitText("*** SYSOP: going down at noon");
        bob.awaitText("*** SYSOP: going down at noon");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> one.announced.size() == 1 && two.announced.size() == 1);
        assertEquals(List.of("going down at noon"), two.announced, "JSON clients of the other server hear it too");
    }

    @Test
    void aPageForTheSysopRingsTheSysopOnAnotherServer() {
        one.call("alice");
        assertFalse(one.sysopChat.page("alice"), "no sysop online anywhere");
        TestTerminal sysop = two.call("sysop");
        assertTrue(one.sysopChat.page("alice"));
        sysop.awaitText("*** alice is paging the sysop (/chat alice)");
        assertTrue(sysop.bells() > 0);
    }
}
