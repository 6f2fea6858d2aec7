package dev.carrier.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThreadSchedulerTest {

    @Test
    void aCancelledTaskLeavesTheQueueAtOnceAndWithItWhatItHolds() {
        try (ThreadScheduler scheduler = new ThreadScheduler()) {
            Scheduler.Cancellable hourLater = scheduler.schedule(Duration.ofHours(1), () -> { });
            scheduler.schedule(Duration.ofHours(1), () -> { });
            assertEquals(2, scheduler.waiting());
            hourLater.cancel();
            assertEquals(1, scheduler.waiting(), "the cancelled task is gone, not waiting an hour to fall due");
        }
    }
}
