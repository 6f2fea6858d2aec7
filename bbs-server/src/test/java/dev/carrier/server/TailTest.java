package dev.carrier.server;

import static dev.carrier.server.TestServer.eventually;
import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.admin.Admin;
import dev.carrier.admin.AdminConnector;
import dev.carrier.admin.AdminViews.TailEvent;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live feed behind carrier tail: connects, logins, chat, logouts; never direct messages. */
class TailTest {

    @TempDir
    Path data;

    private TestServer bbs;

    @BeforeEach
    void start() {
        bbs = TestServer.start(data);
    }

    @AfterEach
    void stop() {
        bbs.close();
    }

    private static void await(List<TailEvent> events, Predicate<TailEvent> wanted, String what) {
        eventually().untilAsserted(() -> {
            if (events.stream().noneMatch(wanted)) throw new AssertionError("no " + what + " in " + events);
        });
    }

    @Test
    void theFeedShowsConnectsLoginsChatAndLogoutsButNoDirectMessages() throws Exception {
        List<TailEvent> events = new CopyOnWriteArrayList<>();
        try (Admin admin = AdminConnector.connect(data, "shell:test", 4, false)) {
            Admin.Feed feed = admin.tail(events::add);
            TelnetTestClient bob = bbs.inChat("bob");
            TelnetTestClient alice = bbs.inChat("alice");
            alice.sendLine("/msg bob a secret");
            bob.awaitText("[DM from alice] a secret", WAIT);
            alice.sendLine("hello room");
            alice.sendLine("/quit");
            alice.awaitText("Main menu: ", WAIT);
            alice.send("g");
            assertTrue(alice.awaitClosed(WAIT));

            await(events, e -> e.kind().equals("connect") && e.node() == 1 && e.text().startsWith("telnet from "),
                    "connect of node 1");
            await(events, e -> e.kind().equals("login") && "alice".equals(e.handle()), "alice's login");
            await(events, e -> e.kind().equals("chat") && e.text().equals("<alice> hello room"), "alice's line");
            await(events, e -> e.kind().equals("chat") && e.text().equals("*** alice has left chat"), "the leave");
            await(events, e -> e.kind().equals("logout") && "alice".equals(e.handle()), "alice's logout");
            await(events, e -> e.kind().equals("disconnect") && e.node() == 2, "node 2 hanging up");
            assertFalse(events.stream().anyMatch(e -> String.valueOf(e.text()).contains("a secret")), events.toString());
            feed.stop();
            assertTrue(feed.ended());
        }
    }

    @Test
    void aCallerPagingTheSysopReachesTheConsolesFeedWithABell() throws Exception {
        List<TailEvent> events = new CopyOnWriteArrayList<>();
        try (Admin admin = AdminConnector.connect(data, "shell:test", 4, false)) {
            Admin.Feed feed = admin.tail(events::add);
            TelnetTestClient bob = bbs.inChat("bob");
            bob.sendLine("/page sysop");
            bob.awaitText("*** No sysop is online; the console has been told", WAIT);
            await(events, e -> e.kind().equals("page") && "bob".equals(e.handle())
                    && e.text().equals("bob is paging the sysop"), "bob's page");
            feed.stop();
        }
    }

    @Test
    void tailStopsAfterTheCountAskedFor() throws Exception {
        CompletableFuture<Cli.Result> tail = CompletableFuture.supplyAsync(() -> Cli.run(data, "tail", "--count", "2"));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!tail.isDone() && System.nanoTime() < deadline) {
            bbs.call().close(); // a connect and a disconnect each, until the tail has seen two events
        }
        Cli.Result result = tail.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).succeeded();
        List<String> lines = result.out().lines().toList();
        assertEquals(2, lines.size(), result.out());
        assertTrue(lines.get(0).matches("\\d\\d:\\d\\d:\\d\\d  node \\d+\\s+(connect|disconnect).*"), lines.get(0));
    }
}
