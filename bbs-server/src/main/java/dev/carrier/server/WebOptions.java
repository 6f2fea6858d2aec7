package dev.carrier.server;

import java.time.Duration;
import java.util.List;

/**
 * The web's settings, from {@code carrier serve}'s options.
 *
 * @param port           0 turns the web off; {@link ServerConfig#EPHEMERAL} asks for any free port (tests)
 * @param trustProxy     take the client's address from the proxy header, on connections from a trusted proxy
 * @param allowedOrigins origins besides the server's own whose pages may open the WebSockets
 * @param pingInterval   how often each WebSocket is pinged
 * @param pingTimeout    how long a WebSocket may stay silent before it is closed as gone
 * @param trustedProxies addresses or CIDR blocks of the proxies whose header is believed
 * @param proxyHeader    the one header that names the client (right-most entry of a list)
 * @param publicHosts    host names WebSockets may be opened under; empty for the defaults
 */
public record WebOptions(int port, boolean trustProxy, List<String> allowedOrigins, Duration pingInterval,
        Duration pingTimeout, List<String> trustedProxies, String proxyHeader, List<String> publicHosts) {

    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_PING_TIMEOUT = Duration.ofSeconds(45);
    public static final List<String> DEFAULT_TRUSTED_PROXIES = List.of("127.0.0.1", "::1");
    public static final String DEFAULT_PROXY_HEADER = "X-Forwarded-For";

    public WebOptions {
        allowedOrigins = List.copyOf(allowedOrigins);
        trustedProxies = List.copyOf(trustedProxies);
        publicHosts = List.copyOf(publicHosts);
    }

    public WebOptions(int port, boolean trustProxy, List<String> allowedOrigins, Duration pingInterval,
                      Duration pingTimeout) {
        this(port, trustProxy, allowedOrigins, pingInterval, pingTimeout, DEFAULT_TRUSTED_PROXIES,
                DEFAULT_PROXY_HEADER, List.of());
    }

    public WebOptions(int port, boolean trustProxy, List<String> allowedOrigins) {
        this(port, trustProxy, allowedOrigins, DEFAULT_PING_INTERVAL, DEFAULT_PING_TIMEOUT);
    }

    public WebOptions withPort(int newPort) {
        return new WebOptions(newPort, trustProxy, allowedOrigins, pingInterval, pingTimeout, trustedProxies,
                proxyHeader, publicHosts);
    }

    public WebOptions withTrustProxy(boolean trust) {
        return new WebOptions(port, trust, allowedOrigins, pingInterval, pingTimeout, trustedProxies, proxyHeader,
                publicHosts);
    }

    public WebOptions withAllowedOrigins(List<String> origins) {
        return new WebOptions(port, trustProxy, origins, pingInterval, pingTimeout, trustedProxies, proxyHeader,
                publicHosts);
    }

    public WebOptions withPings(Duration interval, Duration timeout) {
        return new WebOptions(port, trustProxy, allowedOrigins, interval, timeout, trustedProxies, proxyHeader,
                publicHosts);
    }

    /** Trusts the header {@code header} from these proxies, and turns trust on. */
    public WebOptions withProxy(List<String> proxies, String header) {
        return new WebOptions(port, true, allowedOrigins, pingInterval, pingTimeout, proxies, header, publicHosts);
    }

    public WebOptions withPublicHosts(List<String> hosts) {
        return new WebOptions(port, trustProxy, allowedOrigins, pingInterval, pingTimeout, trustedProxies, proxyHeader,
                hosts);
    }
}
