package dev.carrier.metrics;

import dev.carrier.runtime.Workers;
import dev.carrier.store.Database;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.netty4.NettyEventExecutorMetrics;
import io.netty.channel.EventLoopGroup;
import java.util.function.LongSupplier;

/**
 * How loaded the server is, read at each scrape: tasks waiting on each event loop
 * ({@code netty_eventexecutor_tasks_pending}), the worker pools' queues and busy threads, output
 * waiting for clients to read it, and the database pool's connections. Adds no work to any
 * request: every value is read from where the server keeps it anyway.
 */
public final class LoadMeter {

    private final MeterRegistry registry;

    public LoadMeter(MeterRegistry registry, EventLoopGroup eventLoops, Database database) {
        this.registry = registry;
        new NettyEventExecutorMetrics(eventLoops).bindTo(registry);
        Gauge.builder("carrier.db.connections", database, d -> d.poolUse().active())
                .description("Database connections by state").tag("state", "active").strongReference(true).register(registry);
        Gauge.builder("carrier.db.connections", database, d -> d.poolUse().idle())
                .description("Database connections by state").tag("state", "idle").strongReference(true).register(registry);
        Gauge.builder("carrier.db.connections.waiting", database, d -> d.poolUse().waiting())
                .description("Threads waiting for a database connection").strongReference(true).register(registry);
    }

    /** A worker pool's queue and busy threads, as {@code carrier_workers_queued{pool}} and {@code carrier_workers_busy{pool}}. */
    public LoadMeter pool(String name, Workers pool) {
        Gauge.builder("carrier.workers.queued", pool, Workers::queued)
                .description("Tasks waiting for a worker thread").tag("pool", name).strongReference(true).register(registry);
        Gauge.builder("carrier.workers.busy", pool, Workers::busy)
                .description("Worker threads running a task").tag("pool", name).strongReference(true).register(registry);
        return this;
    }

    /** A transport's output waiting for its clients, as {@code carrier_output_pending_bytes{transport}}. */
    public LoadMeter output(String transport, LongSupplier pendingBytes) {
        Gauge.builder("carrier.output.pending", pendingBytes, s -> s.getAsLong())
                .description("Bytes written and not yet taken by clients").baseUnit("bytes")
                .tag("transport", transport).strongReference(true).register(registry);
        return this;
    }
}
