package dev.carrier.auth;

import dev.carrier.runtime.Workers;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

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

    private final Workers pool;

    public PasswordWork(int threads, int queueCapacity) {
        pool = new Workers("password", threads, queueCapacity, rejected -> new Busy());
    }

    /**
     * Half the cores (at least one), so hashing never takes the whole machine. 256 may wait per
     * thread: when every caller calls back at once (after a restart) their logins queue instead
     * of being turned away, and guessers cannot fill the queue from one address, since the
     * throttle admits only an address's budget of tries at a time.
     */
    public static PasswordWork forThisMachine() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        return new PasswordWork(threads, 256 * threads);
    }

    /** Runs {@code task} here; the future fails with {@link Busy} at once when the pool is full. */
    public <T> CompletableFuture<T> submit(Callable<T> task) {
        return pool.submit(task);
    }

    /** The pool underneath, for the metrics' view of its queue. */
    public Workers pool() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
