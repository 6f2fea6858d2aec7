package dev.carrier.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutputGuardTest {

    private static final OutputLimits LIMITS = new OutputLimits(Duration.ofSeconds(5), 256 * 1024);

    private static EmbeddedChannel channel() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(8, 16));
        channel.pipeline().addFirst(OutputGuard.NAME, new OutputGuard(LIMITS));
        return channel;
    }

    @Test
    void readingStopsWhileTheOutputIsBlockedAndStartsWhenItDrains() {
        EmbeddedChannel channel = channel();
        assertTrue(channel.config().isAutoRead());
        channel.write(Unpooled.wrappedBuffer(new byte[32])); // past the high mark, not flushed
        assertFalse(channel.isWritable());
        assertFalse(channel.config().isAutoRead(), "a client whose output waits is not read from");
        channel.flush(); // the embedded channel drains at once
        assertTrue(channel.isWritable());
        assertTrue(channel.config().isAutoRead());
        channel.finishAndReleaseAll();
    }

    @Test
    void theGuardNeverResumesAReadSomeoneElsePaused() {
        EmbeddedChannel channel = channel();
        ReadSuspensions.of(channel).suspend("checking a token");
        channel.write(Unpooled.wrappedBuffer(new byte[32]));
        channel.flush();
        assertFalse(channel.config().isAutoRead(), "the token check still holds the read");
        ReadSuspensions.of(channel).resume("checking a token");
        assertTrue(channel.config().isAutoRead());

        channel.write(Unpooled.wrappedBuffer(new byte[32]));
        ReadSuspensions.of(channel).suspend("checking a token");
        ReadSuspensions.of(channel).resume("checking a token");
        assertFalse(channel.config().isAutoRead(), "nor does anyone resume a read the guard paused");
        channel.finishAndReleaseAll();
    }

    @Test
    void outputBlockedPastTheLimitClosesTheConnection() {
        EmbeddedChannel channel = channel();
        channel.write(Unpooled.wrappedBuffer(new byte[32]));
        channel.advanceTimeBy(4, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertTrue(channel.isOpen());
        channel.advanceTimeBy(2, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertFalse(channel.isOpen(), "blocked for more than 5 s");
    }

    @Test
    void outputThatDrainsInTimeKeepsTheConnection() {
        EmbeddedChannel channel = channel();
        channel.write(Unpooled.wrappedBuffer(new byte[32]));
        channel.advanceTimeBy(4, TimeUnit.SECONDS);
        channel.flush();
        channel.advanceTimeBy(4, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertTrue(channel.isOpen());
        channel.finishAndReleaseAll();
    }

    @Test
    void pendingOutputPastTheCapClosesTheConnection() {
        EmbeddedChannel channel = channel();
        List<Boolean> open = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            channel.write(Unpooled.wrappedBuffer(new byte[60 * 1024]));
            open.add(channel.isOpen());
        }
        assertEquals(List.of(true, true, true, true, false), open, "256 KiB waiting at most");
    }
}
