package dev.carrier.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EngineConfigTest {

    @Test
    void atLeastOneNode() {
        assertEquals(1, EngineConfig.defaults().withMaxNodes(1).maxNodes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineConfig.defaults().withMaxNodes(0));
        assertTrue(e.getMessage().contains("--max-nodes"), e.getMessage());
    }

    @Test
    void zeroTurnsTheIdleLimitsOffButNegativeOnesAreRefused() {
        EngineConfig never = EngineConfig.defaults().withIdleLimits(Duration.ZERO, Duration.ZERO, false);
        assertEquals(Duration.ZERO, never.idleLogoff());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineConfig.defaults().withIdleLimits(Duration.ofSeconds(-1), Duration.ZERO, false));
        assertTrue(e.getMessage().contains("--login-timeout"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> EngineConfig.defaults().withLoginFailureDelay(Duration.ofMillis(-1)));
    }
}
