package dev.carrier.netty;

import io.netty.channel.Channel;
import java.util.ArrayDeque;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tasks waiting for a channel's outbound buffer to drain below its low watermark: a chat
 * forwarder or an event queue that stopped writing because the client reads slowly. Shared by
 * every transport's terminal and sink. Owned by the channel's event loop.
 */
public final class DrainWaiters {

    private static final Logger log = LoggerFactory.getLogger(DrainWaiters.class);

    private final Channel channel;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();

    public DrainWaiters(Channel channel) {
        this.channel = channel;
    }

    /**
     * Runs the task once the channel is writable: later in this event-loop turn when it already
     * is (the caller may not expect to be re-entered), else after the buffer drains. Nothing runs
     * for a closed channel; its owner hears of the hang-up instead. From any thread.
     */
    public void add(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (!channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(() -> add(task));
            return;
        }
        if (!channel.isActive()) return;
        if (channel.isWritable() && waiting.isEmpty()) {
            channel.eventLoop().execute(task);
        } else {
            waiting.add(task);
        }
    }

    /**
     * Runs the tasks that were waiting, stopping if the buffer fills up again. Only those queued
     * before this call run, so a task that queues itself again cannot spin here.
     */
    public void writabilityChanged() {
        for (int n = waiting.size(); n > 0 && channel.isWritable(); n--) {
            Runnable task = waiting.poll();
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("{}: a task waiting for the output to drain failed", channel.remoteAddress(), e);
            }
        }
    }

    /** The channel is gone: the tasks never will run. */
    public void clear() {
        waiting.clear();
    }
}
