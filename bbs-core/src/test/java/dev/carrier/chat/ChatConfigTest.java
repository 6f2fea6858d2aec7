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
    void aNegativeIntervalOrTooSmallReaderBudgetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ChatConfig.defaults().withFlood(5, Duration.ofSeconds(-1)));
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> new ReaderBudget(1024, Duration.ofSeconds(10), Duration.ofSeconds(30)));
        assertTrue(small.getMessage().contains("--chat-reader-budget"), small.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new ReaderBudget(ReaderBudget.DEFAULT_BYTES, Duration.ZERO, Duration.ofSeconds(30)));
        assertThrows(IllegalArgumentException.class,
                () -> new ReaderBudget(ReaderBudget.DEFAULT_BYTES, Duration.ofSeconds(10), Duration.ofSeconds(5)));
        assertThrows(IllegalArgumentException.class, () -> ChatConfig.defaults().withMaxWaitingMessages(0));
    }
}
