package dev.carrier.metrics;

import dev.carrier.session.Nodes;
import dev.carrier.session.Session;
import dev.carrier.session.SessionListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * Callers: {@code carrier_calls_total{transport}} counts each connection that got a node, and
 * {@code carrier_callers{transport,status}} is how many are on now, at the login prompt
 * ({@code login}) or logged in ({@code online}), read from the nodes at each scrape. Labels take
 * only the transports named here (others count as {@code other}), never a handle.
 */
public final class CallerMeter implements SessionListener {

    static final List<String> TRANSPORTS = List.of("telnet", "web", "ssh");
    static final String OTHER = "other";
    private static final List<String> LABELS = List.of("telnet", "web", "ssh", OTHER);

    private final MeterRegistry registry;

    public CallerMeter(MeterRegistry registry, Nodes nodes) {
        this.registry = registry;
        for (String transport : LABELS) {
            for (boolean online : new boolean[] {false, true}) {
                Gauge.builder("carrier.callers", nodes, n -> count(n, transport, online))
                        .description("Callers connected now, by transport and whether they logged in")
                        .tag("transport", transport).tag("status", online ? "online" : "login")
                        .strongReference(true).register(registry);
            }
            calls(transport);
        }
    }

    /** A transport as a label: one of a fixed few. */
    static String transport(String name) {
        return TRANSPORTS.contains(name) ? name : OTHER;
    }

    private static double count(Nodes nodes, String transport, boolean online) {
        return nodes.sessions().stream()
                .filter(s -> transport(s.terminal().info().transport()).equals(transport))
                .filter(s -> s.user().isPresent() == online)
                .count();
    }

    private Counter calls(String transport) {
        return Counter.builder("carrier.calls").description("Connections that got a node, by transport")
                .tag("transport", transport).register(registry);
    }

    @Override
    public void opened(Session session) {
        calls(transport(session.terminal().info().transport())).increment();
    }
}
