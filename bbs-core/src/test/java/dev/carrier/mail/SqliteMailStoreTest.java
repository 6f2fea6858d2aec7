package dev.carrier.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.store.Dialect;
import dev.carrier.store.OnEveryDialect;
import dev.carrier.store.StoreException;
import dev.carrier.user.SqliteUserStore;
import dev.carrier.user.UserStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Letters in a real database of each dialect: mailboxes, read marks, deleting, bulletins, all-or-nothing sends, drafts. */
class SqliteMailStoreTest extends OnEveryDialect {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    private MailStore mail;

    @BeforeEach
    void open() {
        UserStore users = new SqliteUserStore(db);
        users.create("alice", "hash");
        users.create("Bob", "hash");
        users.create("carol", "hash");
        mail = new SqliteMailStore(db);
    }

    @Test
    void aLetterLandsInTheRecipientsMailboxOnlyAddressedAsRegistered() {
        Letter sent = mail.send("alice", "BOB", "lunch", "shall we?\nat noon", T0).orElseThrow();
        assertEquals("Bob", sent.to());

        List<Envelope> inbox = mail.inbox("bob");
        assertEquals(1, inbox.size());
        Envelope envelope = inbox.get(0);
        assertEquals("alice", envelope.from());
        assertEquals("lunch", envelope.subject());
        assertEquals(T0, envelope.sentAt());
        assertTrue(envelope.isNew());
        assertEquals(List.of(), mail.inbox("alice"));
        assertEquals(List.of(), mail.inbox("carol"));
    }

    @Test
    void aDraftIsKeptOnePerWriterAndGivenBackOnce() {
        mail.saveDraft("alice", new SavedDraft("", Optional.empty(), List.of()), T0);
        SavedDraft later = new SavedDraft("bob", Optional.of("lunch"), List.of("shall we?", "", "at noon"));
        mail.saveDraft("ALICE", later, T0.plusSeconds(60));

        assertEquals(Optional.of(later), mail.takeDraft("alice"));
        assertEquals(Optional.empty(), mail.takeDraft("alice"));
    }

    @Test
    void aLetterToNobodyIsNotStored() {
        assertTrue(mail.send("alice", "ghost", "hello", "anyone?", T0).isEmpty());
        assertEquals(0, rows());
    }

    @Test
    void theMailboxListsOldestFirst() {
        mail.send("alice", "bob", "first", "1", T0);
        mail.send("carol", "bob", "second", "2", T0.plusSeconds(60));
        mail.send("alice", "bob", "third", "3", T0.plusSeconds(120));
        assertEquals(List.of("first", "second", "third"), mail.inbox("bob").stream().map(Envelope::subject).toList());
    }

    @Test
    void openingMarksReadOnceAndKeepsTheFirstReadTime() {
        long id = mail.send("alice", "bob", "lunch", "line one\n\nline three", T0).orElseThrow().id();
        assertEquals(1, mail.countNew("bob"));

        Letter first = mail.open("bob", id, T0.plusSeconds(10)).orElseThrow();
        assertEquals(List.of("line one", "", "line three"), first.lines());
        assertEquals(T0.plusSeconds(10), first.readAt().orElseThrow());
        assertEquals(0, mail.countNew("bob"));
        assertFalse(mail.inbox("bob").get(0).isNew());

        Letter again = mail.open("bob", id, T0.plusSeconds(99)).orElseThrow();
        assertEquals(T0.plusSeconds(10), again.readAt().orElseThrow());
    }

    @Test
    void nobodyOpensOrDeletesALetterOfAnotherMailbox() {
        long id = mail.send("alice", "bob", "private", "for bob", T0).orElseThrow().id();
        assertTrue(mail.open("carol", id, T0).isEmpty());
        assertFalse(mail.delete("carol", id));
        assertFalse(mail.delete("alice", id));
        assertEquals(1, mail.countNew("bob"));
    }

    @Test
    void deletingRemovesTheLetterForGood() {
        long id = mail.send("alice", "bob", "lunch", "?", T0).orElseThrow().id();
        assertTrue(mail.delete("bob", id));
        assertFalse(mail.delete("bob", id));
        assertTrue(mail.open("bob", id, T0).isEmpty());
        assertEquals(List.of(), mail.inbox("bob"));
    }

    @Test
    void aBulletinPutsACopyInEveryOtherMailboxEachWithItsOwnReadMark() {
        List<String> recipients = mail.sendToAll("alice", "news", "the board moves", T0);
        assertEquals(List.of("Bob", "carol"), recipients);
        assertTrue(mail.inbox("bob").get(0).bulletin());
        assertEquals(List.of(), mail.inbox("alice"));

        mail.open("bob", mail.inbox("bob").get(0).id(), T0);
        assertEquals(0, mail.countNew("bob"));
        assertEquals(1, mail.countNew("carol"));
        mail.delete("carol", mail.inbox("carol").get(0).id());
        assertEquals(1, mail.inbox("bob").size());
    }

    @Test
    void aBulletinThatFailsHalfWayLeavesNoCopyAtAll() {
        // A trigger refuses the copy for carol, after bob's was written in the same transaction.
        if (dialect == Dialect.SQLITE) {
            db.withConnection(c -> c.createStatement().executeUpdate("CREATE TRIGGER refuse_carol BEFORE INSERT ON"
                    + " letters WHEN NEW.recipient = 'carol' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END"));
        } else {
            db.withConnection(c -> c.createStatement().executeUpdate("CREATE FUNCTION refuse_carol() RETURNS trigger"
                    + " LANGUAGE plpgsql AS $$ BEGIN IF NEW.recipient = 'carol' THEN RAISE 'disk trouble'; END IF;"
                    + " RETURN NEW; END $$; CREATE TRIGGER refuse_carol BEFORE INSERT ON letters"
                    + " FOR EACH ROW EXECUTE FUNCTION refuse_carol()"));
        }
        assertThrows(StoreException.class, () -> mail.sendToAll("alice", "news", "text", T0));
        assertEquals(0, rows());
    }

    @Test
    void handlesMatchWithoutRegardToCase() {
        mail.send("alice", "bob", "hi", "x", T0);
        assertEquals(1, mail.countNew("BOB"));
        long id = mail.inbox("bOb").get(0).id();
        assertTrue(mail.open("BoB", id, T0).isPresent());
    }

    private int rows() {
        return db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM letters");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
