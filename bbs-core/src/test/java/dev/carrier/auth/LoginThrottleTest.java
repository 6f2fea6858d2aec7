package dev.carrier.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.auth.LoginThrottle.Admission;
import dev.carrier.auth.LoginThrottle.Refused;
import dev.carrier.auth.LoginThrottle.Reservation;
import dev.carrier.runtime.ManualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final ManualTime time = new ManualTime();
    private final LoginLimits limits = LoginLimits.defaults();
    private final LoginThrottle throttle = new LoginThrottle(limits, time);

    private Reservation admitted(String handle, String address) {
        return assertInstanceOf(Reservation.class, throttle.reserve(handle, address), handle + " from " + address);
    }

    private Duration refused(String handle, String address) {
        return assertInstanceOf(Refused.class, throttle.reserve(handle, address), handle + " from " + address)
                .retryAfter();
    }

    private void fail(String handle, String address, int times) {
        for (int i = 0; i < times; i++) admitted(handle, address).failed();
    }

    @Test
    void fiveFreeFailuresPerHandleAndAddressThenWaitsThatDouble() {
        fail("alice", "192.0.2.1", 5);
        assertEquals(Duration.ofSeconds(1), refused("alice", "192.0.2.1"));
        time.advance(Duration.ofSeconds(1));
        fail("alice", "192.0.2.1", 1);
        assertEquals(Duration.ofSeconds(2), refused("alice", "192.0.2.1"));
        assertEquals(Duration.ofSeconds(2), refused("ALICE", "192.0.2.1"));
        admitted("bob", "192.0.2.1").cancelled();
        admitted("alice", "192.0.2.2").cancelled();
    }

    @Test
    void triesInFlightCountAgainstTheBudget() {
        List<Reservation> inFlight = new ArrayList<>();
        for (int i = 0; i < 5; i++) inFlight.add(admitted("alice", "192.0.2.1"));
        refused("alice", "192.0.2.1");
        inFlight.forEach(Reservation::failed);
        refused("alice", "192.0.2.1");
    }

    @Test
    void aSuccessForgivesThePairAndCostsNothing() {
        fail("alice", "192.0.2.1", 4);
        admitted("alice", "192.0.2.1").succeeded();
        fail("alice", "192.0.2.1", 5);
        refused("alice", "192.0.2.1");
    }

    @Test
    void aCancelledTryCostsNothing() {
        for (int i = 0; i < 50; i++) admitted("alice", "192.0.2.1").cancelled();
        fail("alice", "192.0.2.1", 5);
        refused("alice", "192.0.2.1");
    }

    @Test
    void oneAddressGetsTwentyFailuresInTenMinutesOverAllHandles() {
        for (int i = 0; i < 20; i++) admitted("user" + i, "192.0.2.1").failed();
        Duration wait = refused("someone", "192.0.2.1");
        assertEquals(Duration.ofSeconds(30), wait);
        admitted("someone", "192.0.2.9").cancelled();
        time.advance(Duration.ofSeconds(30));
        admitted("someone", "192.0.2.1").failed();
        refused("someone-else", "192.0.2.1");
        time.advance(Duration.ofMinutes(10));
        for (int i = 0; i < 20; i++) admitted("again" + i, "192.0.2.1").failed();
    }

    @Test
    void ipv6AddressesShareTheirSlash64() {
        for (int i = 0; i < 20; i++) admitted("user" + i, "2001:db8:1:2::" + Integer.toHexString(i + 1)).failed();
        refused("someone", "2001:db8:1:2:ffff::1");
        admitted("someone", "2001:db8:1:3::1").cancelled();
        assertEquals("2001:db8:1:2:0:0:0:0/64", AddressKey.of("[2001:db8:1:2::77]"));
        assertEquals("192.0.2.7", AddressKey.of("::ffff:192.0.2.7"));
    }

    @Test
    void aHandleUnderAttackStillLetsItsOwnerIn() {
        admitted("alice", "198.51.100.1").succeeded(); // the owner's usual address
        // 100 addresses guess once each: the handle's ceiling.
        for (int i = 0; i < 100; i++) admitted("alice", "203.0.113." + i).failed();
        // Addresses that guessed are held back...
        refused("alice", "203.0.113.5");
        // ...the owner's usual address passes the ceiling...
        admitted("alice", "198.51.100.1").succeeded();
        // ...and so does a new address, from a small allowance shared by new addresses.
        admitted("alice", "198.51.100.2").succeeded();
        for (int i = 0; i < limits.strangerTries(); i++) admitted("alice", "192.0.2." + i).failed();
        Duration wait = refused("alice", "192.0.2.200");
        assertTrue(wait.compareTo(Duration.ofMinutes(6)) <= 0, wait.toString());
        admitted("alice", "198.51.100.1").succeeded();
        // An hour on, the handle is whole again.
        time.advance(Duration.ofHours(1));
        admitted("alice", "192.0.2.200").succeeded();
    }

    @Test
    void textThatCannotBeAHandleIsNeverAKey() {
        Reservation odd = admitted("x".repeat(5000), "192.0.2.1");
        assertEquals(false, odd.handleCanExist());
        odd.failed();
        for (int i = 0; i < 10_000; i++) {
            Admission a = throttle.reserve("h" + i + "!".repeat(30), "192.0.2.1");
            if (a instanceof Reservation r) r.cancelled();
        }
        assertTrue(throttle.keys() <= 5, "keys: " + throttle.keys());
    }

    @Test
    void memoryIsBoundedHoweverManyKeysAreTried() {
        LoginThrottle small = new LoginThrottle(new LoginLimits(5, Duration.ofSeconds(1), Duration.ofMinutes(5),
                20, Duration.ofMinutes(10), 100, Duration.ofHours(1), 10, Duration.ofDays(30), Duration.ofHours(1),
                100), time);
        for (int i = 0; i < 5_000; i++) {
            Admission a = small.reserve("user" + i, "10.0." + (i / 250) + "." + (i % 250));
            if (a instanceof Reservation r) r.failed();
        }
        assertTrue(small.keys() <= 5 * 100, "keys: " + small.keys());
    }
}
