package dev.carrier.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChatConfigTest {

    @Test
    void zeroBurstLiftsTheLimitButANegativeOneIsRefused() {
        assertEquals(0, ChatConfig.defaults().withFlood(0, Duration.ofSeconds(1)).floodBurst());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChatConfig.defaults().withFlood(-1, Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("--flood-burst"), e.getMessage());
    }

    @Test
    void aNegativeIntervalOrEmptyMailboxIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ChatConfig.defaults().withFlood(5, Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> ChatConfig.defaults().withMailboxLines(0));
        assertThrows(IllegalArgumentException.class, () -> ChatConfig.defaults().withMaxWaitingMessages(0));
    }
}
