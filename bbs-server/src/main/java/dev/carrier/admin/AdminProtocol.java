package dev.carrier.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.runtime.Workers;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The admin connection, server side: HTTP/1.1 on loopback, every request with
 * {@code Authorization: Bearer TOKEN} (the token from {@code admin.json}) and optionally
 * {@code Carrier-Actor: shell:NAME}, who acts, for the audit log.
 *
 * <pre>
 * POST /v1/PATH   {arguments}   -> the result        one per {@link AdminOperation}
 * GET  /v1/events               -> one TailEvent JSON object per line, streamed
 * GET  /metrics                 -> Prometheus's text format (the token, or a --metrics-allow peer)
 * </pre>
 *
 * A refusal is {@code 400 {"error": {"code": "refused", "message": "one line"}}}; a wrong or
 * missing token {@code 401}; an unknown request 404; all with that error shape.
 */
public final class AdminProtocol {

    public static final String PREFIX = "/v1/";
    public static final String EVENTS = PREFIX + "events";
    public static final String ACTOR_HEADER = "Carrier-Actor";
    /** Prometheus's scrape path; the only request answered to peers other than loopback. */
    public static final String METRICS = "/metrics";

    private final Function<String, Admin> adminFor;
    private final EventFeed feed;
    private final Workers workers;
    private final Supplier<String> metrics;

    /**
     * @param adminFor the running server's {@link Admin} acting for the named actor
     * @param feed     what {@code /v1/events} streams
     * @param workers  where the blocking work of each request runs
     */
    public AdminProtocol(Function<String, Admin> adminFor, EventFeed feed, Workers workers, Supplier<String> metrics) {
        this.adminFor = adminFor;
        this.feed = feed;
        this.workers = workers;
        this.metrics = metrics;
    }

    /** The metrics in Prometheus's text format, read on the worker pool. */
    CompletableFuture<String> scrape() {
        return workers.submit(metrics::get);
    }

    EventFeed feed() {
        return feed;
    }

    /** Runs one request on the worker pool; fails with an {@link AdminException} to refuse it. */
    CompletableFuture<Object> call(AdminOperation<?, ?> operation, String actor, JsonNode args) {
        return workers.<Object>submit(() -> {
            try (Admin admin = adminFor.apply(actor)) {
                return operation.run(admin, args);
            }
        });
    }
}
