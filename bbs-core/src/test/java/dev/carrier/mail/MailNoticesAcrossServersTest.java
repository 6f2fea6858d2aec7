package dev.carrier.mail;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.carrier.bus.InProcessBus;
import dev.carrier.bus.LinkedBuses;
import dev.carrier.message.SendBudgets;
import dev.carrier.presence.Presence;
import dev.carrier.runtime.Workers;
import dev.carrier.session.CallerHost;
import dev.carrier.store.Database;
import dev.carrier.terminal.TestTerminal;
import dev.carrier.user.SqliteUserStore;
import dev.carrier.user.User;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A letter stored on one server is announced to its recipients on whichever server they are. */
class MailNoticesAcrossServersTest {

    @TempDir
    Path dir;

    private Database db;
    private Workers workers;
    private SqliteUserStore users;
    private final Set<String> ignoring = ConcurrentHashMap.newKeySet();
    private final LinkedBuses link = new LinkedBuses();
    private final CallerHost hostOne = new CallerHost();
    private final CallerHost hostTwo = new CallerHost();
    private PostOffice one;

    @BeforeEach
    void start() {
        db = Database.open(dir);
        workers = new Workers(2, 100);
        users = new SqliteUserStore(db, Clock.systemUTC());
        users.create("alice", "x");
        users.create("bob", "x");
        users.create("carol", "x");
        User sysop = users.create("sysop", "x");
        users.setSysop(sysop.id(), true);
        one = postOffice(hostOne);
        postOffice(hostTwo);
    }

    private PostOffice postOffice(CallerHost host) {
        Presence presence = new Presence(new InProcessBus(), Clock.systemUTC(), Duration.ofMinutes(15));
        return new PostOffice(new SqliteMailStore(db), users, host.nodes(), presence, workers, Clock.systemUTC(),
                SendBudgets.unlimited(Clock.systemUTC()), (reader, sender) -> ignoring.contains(reader + ">" + sender),
                link.add());
    }

    @AfterEach
    void stop() {
        hostOne.close();
        hostTwo.close();
        workers.close();
        db.close();
    }

    private User user(String handle) {
        return users.find(handle).orElseThrow();
    }

    @Test
    void aLetterIsAnnouncedToItsRecipientOnAnotherServer() {
        TestTerminal bob = hostTwo.call(user("bob"));
        assertInstanceOf(LetterOutcome.Sent.class, one.send(user("alice"),
                new Draft(new Recipient.One("bob"), "hello", List.of("a letter"))).join());
        bob.awaitText("*** New mail from alice");
    }

    @Test
    void aBulletinIsAnnouncedOnEveryServerButNotToItsSenderNorToThoseWhoIgnoreThem() {
        TestTerminal bob = hostTwo.call(user("bob"));
        TestTerminal carol = hostOne.call(user("carol"));
        TestTerminal sysop = hostTwo.call(user("sysop"));
        ignoring.add("carol>sysop");
        assertInstanceOf(LetterOutcome.Sent.class, one.send(user("sysop"),
                new Draft(new Recipient.All(), "news", List.of("for everyone"))).join());
        bob.awaitText("*** New mail from sysop (to all)");
        // A later notice to carol shows the bulletin's notice was passed over, not late.
        one.send(user("alice"), new Draft(new Recipient.One("carol"), "hi", List.of("x"))).join();
        carol.awaitText("*** New mail from alice");
        assertFalse(carol.transcript().contains("New mail from sysop"));
        hostTwo.call(user("alice"));
        assertFalse(sysop.transcript().contains("New mail"));
    }
}
