package dev.carrier.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carrier.session.ManualTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final ManualTime time = new ManualTime();
    private final LoginThrottle throttle = new LoginThrottle(time, 3, Duration.ofSeconds(1));

    @Test
    void threeFreeTriesThenAWaitThatDoubles() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, throttle.wait("1.2.3.4"));
            throttle.failed("1.2.3.4");
        }
        assertEquals(Duration.ofSeconds(1), throttle.wait("1.2.3.4"));
        time.advance(Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, throttle.wait("1.2.3.4"));
        throttle.failed("1.2.3.4");
        assertEquals(Duration.ofSeconds(2), throttle.wait("1.2.3.4"));
        assertEquals(Duration.ZERO, throttle.wait("5.6.7.8"));
    }

    @Test
    void aSuccessForgetsAndSoDoesAnHourOfQuiet() {
        for (int i = 0; i < 5; i++) throttle.failed("alice");
        throttle.succeeded("ALICE");
        assertEquals(Duration.ZERO, throttle.wait("alice"));
        for (int i = 0; i < 5; i++) throttle.failed("bob");
        time.advance(Duration.ofHours(1).plusSeconds(1));
        assertEquals(Duration.ZERO, throttle.wait("bob"));
    }

    @Test
    void theWaitIsCapped() {
        for (int i = 0; i < 40; i++) throttle.failed("x");
        assertEquals(Duration.ofMinutes(5), throttle.wait("x"));
    }
}
