package dev.carrier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carrier.ignore.IgnoreStore;
import dev.carrier.ignore.SqliteIgnoreStore;
import dev.carrier.message.DirectMessage;
import dev.carrier.message.MessageStore;
import dev.carrier.message.SqliteMessageStore;
import dev.carrier.sshkey.PublicKeyText;
import dev.carrier.sshkey.SqliteSshKeyStore;
import dev.carrier.sshkey.SshKeyStore;
import dev.carrier.sshkey.TestKeys;
import dev.carrier.user.SqliteUserStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Caps that count an owner's rows and then insert hold when many writers (several servers, or
 * one server's workers) try at once: on PostgreSQL READ COMMITTED would let them all count below
 * the cap, so the stores lock the owner first ({@link Dialect#lockOwner}).
 */
class CapsUnderParallelWritersTest extends OnEveryDialect {

    private static final int WRITERS = 8;
    private static final int TRIES = 24;
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS);

    @BeforeEach
    void users() {
        SqliteUserStore users = new SqliteUserStore(db);
        users.create("alice", "x");
        users.create("bob", "x");
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Runs the tries from {@link #WRITERS} threads released together; how many said yes. */
    private int together(IntFunction<Boolean> attempt) throws Exception {
        CyclicBarrier start = new CyclicBarrier(WRITERS);
        List<Future<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Callable<Integer> work = () -> {
                start.await(10, TimeUnit.SECONDS);
                int yes = 0;
                for (int i = writer; i < TRIES; i += WRITERS) if (attempt.apply(i)) yes++;
                return yes;
            };
            writers.add(pool.submit(work));
        }
        int yes = 0;
        for (Future<Integer> writer : writers) yes += writer.get(60, TimeUnit.SECONDS);
        return yes;
    }

    @Test
    void waitingDirectMessagesStopAtTheCap() throws Exception {
        MessageStore store = new SqliteMessageStore(db);
        int saved = together(i -> store.saveUnlessFull(new DirectMessage(UUID.randomUUID(), "alice", "bob", "m" + i,
                T0.plusMillis(i), DirectMessage.Method.OFFLINE, Optional.empty(), Optional.empty()), 5));
        assertEquals(5, saved);
        assertEquals(5, store.countWaiting("bob"));
    }

    @Test
    void ignoredHandlesStopAtTheCap() throws Exception {
        IgnoreStore store = new SqliteIgnoreStore(db);
        assertEquals(5, together(i -> store.add("alice", "user" + i, 5)));
        assertEquals(5, store.of("alice").size());
    }

    @Test
    void sshKeysStopAtTheCap() throws Exception {
        SqliteSshKeyStore store = new SqliteSshKeyStore(db);
        long alice = new SqliteUserStore(db).find("alice").orElseThrow().id();
        List<PublicKeyText> keys = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) keys.add(PublicKeyText.parse(TestKeys.ed25519("key " + i)));
        int added = together(i -> store.add(alice, keys.get(i), T0) == SshKeyStore.Added.ADDED);
        assertEquals(SshKeyStore.MAX_KEYS_PER_USER, added);
        assertEquals(SshKeyStore.MAX_KEYS_PER_USER, store.keysOf(alice).size());
    }
}
