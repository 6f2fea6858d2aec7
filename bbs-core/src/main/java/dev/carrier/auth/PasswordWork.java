package dev.carrier.auth;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pool where logins check passwords, apart from the general workers: hashing is slow on
 * purpose, and guesses queued here never make chat, direct messages or mail wait. Few threads
 * and a short queue; when both are full a login is turned away at once ({@link Busy}) rather
 * than queued behind guesses.
 */
public final class PasswordWork implements AutoCloseable {

    /** The pool and its queue are full: try again shortly. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("the server is busy checking passwords; try again shortly", null, false, false);
        }
    }

    private final ThreadPoolExecutor pool;

    public PasswordWork(int threads, int queueCapacity) {
        AtomicInteger count = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), runnable -> {
                    Thread thread = new Thread(runnable, "carrier-password-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Half the cores (at least one), so hashing never takes the whole machine; 8 waiting per thread. */
    public static PasswordWork forThisMachine() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        return new PasswordWork(threads, 8 * threads);
    }

    /** Runs {@code task} here; the future fails with {@link Busy} at once when the pool is full. */
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
            result.completeExceptionally(new Busy());
        }
        return result;
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
