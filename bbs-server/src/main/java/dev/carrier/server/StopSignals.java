package dev.carrier.server;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT for {@code carrier serve}: the first asks for a graceful stop, which the main
 * thread carries out; a second, while that runs, ends the process at once. The JDK's own handling
 * (shutdown hooks, which a second signal cannot cut short) is replaced for these two signals only.
 * The signal thread only counts and hands over.
 */
final class StopSignals {

    private final CountDownLatch requested = new CountDownLatch(1);
    private final AtomicInteger received = new AtomicInteger();
    private volatile String first = "";

    private StopSignals() {}

    static StopSignals install() {
        StopSignals signals = new StopSignals();
        for (String name : List.of("TERM", "INT")) Signal.handle(new Signal(name), signals::received);
        return signals;
    }

    private void received(Signal signal) {
        if (received.incrementAndGet() == 1) {
            first = signal.getName();
            requested.countDown();
            return;
        }
        System.err.println("carrier: SIG" + signal.getName() + " again: exiting at once");
        System.err.flush();
        Runtime.getRuntime().halt(128 + signal.getNumber());
    }

    /** Waits for the first signal and says which it was: {@code TERM} or {@code INT}. */
    String await() throws InterruptedException {
        requested.await();
        return first;
    }
}
