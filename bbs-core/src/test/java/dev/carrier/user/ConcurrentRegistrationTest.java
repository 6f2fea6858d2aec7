package dev.carrier.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.carrier.store.Database;
import dev.carrier.store.OnEveryDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentRegistrationTest extends OnEveryDialect {

    private static final int ROUNDS = 20;


    @Test
    void twoRegistrationsOfOneHandleAtOnceLetExactlyOneWin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Database db = databases.open(dialect, dir)) {
            UserStore users = new SqliteUserStore(db);
            for (int round = 0; round < ROUNDS; round++) {
                CyclicBarrier start = new CyclicBarrier(2);
                String handle = "racer" + round;
                List<Future<User>> attempts = new ArrayList<>();
                for (String spelling : List.of(handle, handle.toUpperCase())) {
                    attempts.add(pool.submit(() -> {
                        start.await(5, TimeUnit.SECONDS);
                        return users.create(spelling, "hash");
                    }));
                }

                int wins = 0;
                int refusals = 0;
                for (Future<User> attempt : attempts) {
                    try {
                        attempt.get(30, TimeUnit.SECONDS);
                        wins++;
                    } catch (ExecutionException e) {
                        assertInstanceOf(HandleTakenException.class, e.getCause());
                        refusals++;
                    }
                }
                assertEquals(1, wins, "round " + round);
                assertEquals(1, refusals, "round " + round);
            }
            assertEquals(ROUNDS, users.count());
        } finally {
            pool.shutdownNow();
        }
    }
}
