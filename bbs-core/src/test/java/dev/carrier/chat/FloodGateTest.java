package dev.carrier.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.runtime.ManualTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The per-user token bucket: its shape, and that it forgets users whose bucket is full again. */
class FloodGateTest {

    private final ManualTime time = new ManualTime();
    private final FloodGate gate = new FloodGate(5, Duration.ofSeconds(1), time);

    @Test
    void aBurstThenOnePerIntervalSharedByEverySpellingOfAHandle() {
        for (int i = 0; i < 5; i++) assertTrue(gate.tryPass(i % 2 == 0 ? "alice" : "ALICE"));
        assertFalse(gate.tryPass("alice"));
        assertEquals(Duration.ofSeconds(1), gate.retryAfter("alice"));
        time.advance(Duration.ofSeconds(1));
        assertTrue(gate.tryPass("alice"));
        assertFalse(gate.tryPass("alice"));
        assertTrue(gate.tryPass("bob"), "another user has their own bucket");
    }

    @Test
    void bucketsThatHaveRefilledAreForgottenSoManyUsersCostNoLastingMemory() {
        for (int i = 0; i < 1000; i++) gate.tryPass("user" + i);
        assertEquals(1000, gate.size());
        time.advance(Duration.ofSeconds(6));
        assertEquals(0, gate.size());
        assertTrue(gate.tryPass("user1"));
    }

    @Test
    void aBurstOfZeroLetsEverythingPass() {
        FloodGate open = new FloodGate(0, Duration.ofSeconds(1), time);
        for (int i = 0; i < 100; i++) assertTrue(open.tryPass("alice"));
        assertEquals(0, open.size());
    }
}
