package dev.carrier.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bench's CPU figures: counted per thread, finer than the 10 ms the usual process figure has. */
class ProcessCpuTest {

    @Test
    void aLiveThreadsTimeShowsToTheMillisecond() throws Exception {
        Object hold = new Object();
        long[] spun = new long[1];
        Thread spinner = new Thread(() -> {
            // 25 ms of this thread's own CPU, however long the machine makes that take.
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long until = threads.getCurrentThreadCpuTime() + TimeUnit.MILLISECONDS.toNanos(25);
            while (threads.getCurrentThreadCpuTime() < until) spun[0]++;
            synchronized (hold) {
                try {
                    hold.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "spinner-3");
        ProcessCpu.Snapshot before = ProcessCpu.snapshot(ProcessHandle.current());
        spinner.start();
        while (spinner.getState() != Thread.State.WAITING) Thread.onSpinWait();
        ProcessCpu.Snapshot after = ProcessCpu.snapshot(ProcessHandle.current());
        spinner.interrupt();
        spinner.join();

        long spinning = after.since(before).getOrDefault("spinner-#", 0L);
        assertTrue(spinning >= TimeUnit.MILLISECONDS.toNanos(25) && spinning < TimeUnit.SECONDS.toNanos(5),
                "the spinner's 25 ms: " + spinning + " ns of " + after.since(before));
        assertTrue(spinning % TimeUnit.MILLISECONDS.toNanos(10) != 0, "not in 10 ms ticks: " + spinning);
    }
}
