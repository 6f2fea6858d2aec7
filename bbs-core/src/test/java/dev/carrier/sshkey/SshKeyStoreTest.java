package dev.carrier.sshkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.store.OnEveryDialect;
import dev.carrier.user.SqliteUserStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SSH keys kept per user, one account per key, on SQLite and on PostgreSQL. */
class SshKeyStoreTest extends OnEveryDialect {

    private static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");

    private SshKeyStore store;
    private long alice;
    private long bob;

    @BeforeEach
    void open() {
        SqliteUserStore users = new SqliteUserStore(db);
        alice = users.create("alice", "hash").id();
        bob = users.create("bob", "hash").id();
        store = new SqliteSshKeyStore(db);
    }

    @Test
    void aKeyOpensOneAccountAndIsListedAndRemovedByItsOwner() {
        PublicKeyText key = PublicKeyText.parse(TestKeys.ed25519("alice@home"));
        assertEquals(SshKeyStore.Added.ADDED, store.add(alice, key, T0));
        assertEquals(SshKeyStore.Added.ALREADY_YOURS, store.add(alice, key, T0));
        assertEquals(SshKeyStore.Added.TAKEN, store.add(bob, key, T0));
        assertEquals(Optional.of(alice), store.owner(key.type(), key.blob()));

        List<SshKey> keys = store.keysOf(alice);
        assertEquals(1, keys.size());
        assertEquals(key, keys.get(0).key());
        assertEquals(T0, keys.get(0).addedAt());
        assertFalse(store.remove(bob, keys.get(0).id()), "only its owner removes a key");
        assertTrue(store.remove(alice, keys.get(0).id()));
        assertEquals(Optional.empty(), store.owner(key.type(), key.blob()));
    }

    @Test
    void twoAccountsAddingOneKeyAtOnceGetItOnceAndTheOtherIsToldItIsTaken() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                PublicKeyText key = PublicKeyText.parse(TestKeys.ed25519("round " + round));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<SshKeyStore.Added>> adds = new ArrayList<>();
                for (long user : List.of(alice, bob)) {
                    adds.add(pool.submit(() -> {
                        start.await(5, TimeUnit.SECONDS);
                        return store.add(user, key, T0);
                    }));
                }
                List<SshKeyStore.Added> answers = new ArrayList<>();
                for (Future<SshKeyStore.Added> add : adds) answers.add(add.get(30, TimeUnit.SECONDS));
                answers.sort(null);
                assertEquals(List.of(SshKeyStore.Added.ADDED, SshKeyStore.Added.TAKEN), answers, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
