package dev.carrier.admin;

import dev.carrier.web.AddressRange;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * How the admin endpoint listens. The sysop's requests are answered to loopback peers only,
 * wherever it listens; a scraper elsewhere may reach {@code GET /metrics} when the endpoint is bound
 * to an address it can reach ({@code --metrics-bind}) and it is in the allow-list or brings the
 * admin token.
 *
 * @param port         0 for any free port (the default: the carrier command finds it in admin.json)
 * @param bindHost     the address listened on: loopback unless metrics are exposed
 * @param metricsAllow peers that may read {@code /metrics} without the token
 */
public record AdminConfig(int port, String bindHost, List<AddressRange> metricsAllow) {

    public static final String DEFAULT_BIND_HOST = "127.0.0.1";
    public static final String DEFAULT_METRICS_ALLOW_LIST = "127.0.0.1,::1";
    public static final AdminConfig DEFAULT = of(0, DEFAULT_BIND_HOST, List.of(DEFAULT_METRICS_ALLOW_LIST.split(",")));

    public AdminConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("admin port must be 0 to 65535, was " + port);
        Objects.requireNonNull(bindHost, "bindHost");
        metricsAllow = List.copyOf(metricsAllow);
    }

    /**
     * From the options' text.
     *
     * @throws IllegalArgumentException naming the option, for an allow-list entry that is not an address or block
     */
    public static AdminConfig of(int port, String bindHost, List<String> metricsAllow) {
        try {
            return new AdminConfig(port, bindHost, metricsAllow.stream().map(AddressRange::parse).toList());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--metrics-allow: " + e.getMessage(), e);
        }
    }

    /** Whether a peer may read the metrics without the token. */
    boolean allowsMetrics(InetAddress peer) {
        return metricsAllow.stream().anyMatch(range -> range.contains(peer));
    }
}
