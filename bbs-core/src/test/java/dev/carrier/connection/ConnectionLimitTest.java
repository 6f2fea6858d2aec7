package dev.carrier.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionLimitTest {

    @Test
    void anAddressGetsItsShareAndNoMore() {
        ConnectionLimit limit = new ConnectionLimit(2);
        var first = limit.tryAcquire("192.0.2.1");
        var second = limit.tryAcquire("192.0.2.1");
        assertTrue(first.isPresent());
        assertTrue(second.isPresent());
        assertTrue(limit.tryAcquire("192.0.2.1").isEmpty());
        assertTrue(limit.tryAcquire("192.0.2.2").isPresent(), "another address has its own share");
    }

    @Test
    void closingAPermitGivesItsPlaceBackOnce() {
        ConnectionLimit limit = new ConnectionLimit(1);
        ConnectionLimit.Permit permit = limit.tryAcquire("192.0.2.1").orElseThrow();
        permit.close();
        permit.close();
        assertEquals(0, limit.openFrom("192.0.2.1"));
        ConnectionLimit.Permit again = limit.tryAcquire("192.0.2.1").orElseThrow();
        assertTrue(limit.tryAcquire("192.0.2.1").isEmpty(), "a second close must not free a second place");
        again.close();
    }

    @Test
    void zeroMeansNoLimit() {
        ConnectionLimit limit = ConnectionLimit.none();
        List<ConnectionLimit.Permit> permits = new ArrayList<>();
        for (int i = 0; i < 100; i++) permits.add(limit.tryAcquire("192.0.2.1").orElseThrow());
        assertEquals(100, limit.openFrom("192.0.2.1"));
        permits.forEach(ConnectionLimit.Permit::close);
        assertEquals(0, limit.openFrom("192.0.2.1"));
    }

    @Test
    void aNegativeLimitIsRefusedWithAMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ConnectionLimit(-1));
        assertTrue(e.getMessage().contains("0 (no limit)"), e.getMessage());
    }
}
