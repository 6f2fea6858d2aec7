package dev.carrier.runtime;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool where blocking work runs (password hashing, SQLite, file reads), so that no
 * transport's event loop ever waits. A full queue fails the task instead of growing without bound.
 */
public final class Workers implements AutoCloseable {

    private final ThreadPoolExecutor pool;

    public Workers(int threads, int queueCapacity) {
        AtomicInteger count = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), runnable -> {
                    Thread thread = new Thread(runnable, "carrier-worker-" + count.incrementAndGet());
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
            result.completeExceptionally(new IllegalStateException("server is too busy, try again", e));
        }
        return result;
    }

    public CompletableFuture<Void> run(ThrowingRunnable task) {
        return submit(() -> {
            task.run();
            return null;
        });
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
