package dev.carrier.runtime;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The bounded pool where blocking work runs (password hashing, SQLite, file reads), so that no
 * transport's event loop ever waits. A full queue fails the task instead of growing without bound.
 */
public final class Workers implements AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final Function<RejectedExecutionException, RuntimeException> whenFull;

    public Workers(int threads, int queueCapacity) {
        this("worker", threads, queueCapacity,
                rejected -> new IllegalStateException("server is too busy, try again", rejected));
    }

    /**
     * A pool of its own, for work that must not wait behind the general workers (or make them wait).
     *
     * @param name     names its threads {@code carrier-NAME-N}
     * @param whenFull what a task's future fails with when every thread is busy and the queue is full
     */
    public Workers(String name, int threads, int queueCapacity,
            Function<RejectedExecutionException, RuntimeException> whenFull) {
        this.whenFull = whenFull;
        AtomicInteger count = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), runnable -> {
                    Thread thread = new Thread(runnable, "carrier-" + name + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Sized for this machine: hashing is CPU-bound, SQLite waits little. */
    public static Workers forThisMachine() {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        return new Workers(threads, 10_000);
    }

    public <T> CompletableFuture<T> submit(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(whenFull.apply(e));
        }
        return result;
    }

    public CompletableFuture<Void> run(ThrowingRunnable task) {
        return submit(() -> {
            task.run();
            return null;
        });
    }

    /** Tasks waiting for a thread, for the metrics. */
    public int queued() {
        return pool.getQueue().size();
    }

    /** Threads running a task now, for the metrics. */
    public int busy() {
        return pool.getActiveCount();
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
