package dev.carrier.metrics;

import dev.carrier.auth.LoginGate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * {@code carrier_logins_total{transport,outcome}}: every password login through the gate, by how
 * the caller came (telnet, web, ssh, rest) and how it ended (accepted, rejected, throttled, busy).
 * Both labels come from fixed sets; the handle is never one.
 */
public final class LoginMeter implements LoginGate.Observer {

    private static final List<String> TRANSPORTS = List.of("telnet", "web", "ssh", "rest");
    private static final List<String> OUTCOMES = List.of("accepted", "rejected", "throttled", "busy");

    private final MeterRegistry registry;

    public LoginMeter(MeterRegistry registry) {
        this.registry = registry;
        for (String transport : TRANSPORTS) {
            for (String outcome : OUTCOMES) counter(transport, outcome);
        }
    }

    private Counter counter(String transport, String outcome) {
        return Counter.builder("carrier.logins")
                .description("Password logins by transport and outcome; throttled ones were not checked")
                .tag("transport", transport).tag("outcome", outcome).register(registry);
    }

    @Override
    public void ended(String transport, LoginGate.Outcome outcome) {
        String how;
        if (outcome instanceof LoginGate.Outcome.Accepted) how = "accepted";
        else if (outcome instanceof LoginGate.Outcome.Rejected) how = "rejected";
        else if (outcome instanceof LoginGate.Outcome.Throttled) how = "throttled";
        else how = "busy";
        counter(TRANSPORTS.contains(transport) ? transport : CallerMeter.OTHER, how).increment();
    }
}
