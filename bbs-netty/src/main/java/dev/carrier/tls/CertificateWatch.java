package dev.carrier.tls;

import dev.carrier.runtime.Scheduler;
import dev.carrier.runtime.Workers;
import java.time.Duration;

/**
 * Looks at the certificate files every {@link TlsConfig#reloadCheck()} for a renewal. The timer
 * only hands the look over; the file reads and the parsing run on a worker, never on an event
 * loop or the timer thread. A timer rather than a WatchService, because certbot renews by moving
 * symbolic links in another folder, which a watch on the named files' folder does not see.
 */
public final class CertificateWatch implements AutoCloseable {

    private final TlsContext tls;
    private final Scheduler scheduler;
    private final Workers workers;
    private final Duration period;
    private volatile boolean closed;

    private CertificateWatch(TlsContext tls, Scheduler scheduler, Workers workers) {
        this.tls = tls;
        this.scheduler = scheduler;
        this.workers = workers;
        this.period = tls.config().reloadCheck();
    }

    public static CertificateWatch start(TlsContext tls, Scheduler scheduler, Workers workers) {
        CertificateWatch watch = new CertificateWatch(tls, scheduler, workers);
        watch.next();
        return watch;
    }

    private void next() {
        scheduler.schedule(period, () -> {
            if (closed) return;
            workers.run(tls::reloadIfChanged).whenComplete((done, failed) -> next());
        });
    }

    @Override
    public void close() {
        closed = true;
    }
}
