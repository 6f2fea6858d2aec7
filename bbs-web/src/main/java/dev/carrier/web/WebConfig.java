package dev.carrier.web;

import dev.carrier.telnet.TelnetConfig;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the web transport listens and what it lets in.
 *
 * @param bindHost        the address to listen on; {@code 0.0.0.0} for every interface
 * @param port            the TCP port; 0 picks a free one (see {@link WebServer#start()})
 * @param trustProxy      take the client's address from {@code X-Forwarded-For} / {@code X-Real-IP};
 *                        only behind a reverse proxy of one's own, since any client can send them
 * @param allowedOrigins  origins whose pages may open the WebSockets besides the server's own,
 *                        such as {@code https://bbs.example.org}; {@code *} allows any
 * @param maxFrameBytes   the largest WebSocket message a client may send
 * @param maxRequestBytes the largest HTTP request body; headers have a fixed bound of their own
 * @param telnet          how {@code /telnet} treats its clients (charsets, negotiation time)
 * @param pingInterval    how often a WebSocket is pinged
 * @param pingTimeout     how long a WebSocket may stay silent (no pong, no frame) before it is closed
 */
public record WebConfig(String bindHost, int port, boolean trustProxy, List<String> allowedOrigins,
                        int maxFrameBytes, int maxRequestBytes, TelnetConfig telnet,
                        Duration pingInterval, Duration pingTimeout) {

    public static final String DEFAULT_BIND_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_FRAME_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_REQUEST_BYTES = 16 * 1024;
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_PING_TIMEOUT = Duration.ofSeconds(45);

    public WebConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(allowedOrigins, "allowedOrigins");
        Objects.requireNonNull(telnet, "telnet");
        if (bindHost.isBlank()) {
            throw new IllegalArgumentException("web bind host must be an address or name, such as 0.0.0.0 or 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("web port must be 0-65535 (0 picks a free port), was " + port);
        }
        if (maxFrameBytes < 1024) {
            throw new IllegalArgumentException("web frame limit must be at least 1024 bytes, was " + maxFrameBytes);
        }
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(pingTimeout, "pingTimeout");
        if (pingInterval.isNegative() || pingInterval.isZero() || pingTimeout.compareTo(pingInterval) < 0) {
            throw new IllegalArgumentException("web pings need an interval above 0 and a timeout no shorter than it, was "
                    + pingInterval + " and " + pingTimeout);
        }
        if (maxRequestBytes < 0) {
            throw new IllegalArgumentException("web request limit must be 0 bytes or more, was " + maxRequestBytes);
        }
        allowedOrigins = allowedOrigins.stream()
                .map(origin -> origin.trim().toLowerCase(Locale.ROOT).replaceAll("/+$", ""))
                .filter(origin -> !origin.isEmpty())
                .toList();
    }

    /** Port 8080 on every interface, same-origin only, no proxy trusted, 64 KiB frames. */
    public static WebConfig defaults() {
        return new WebConfig(DEFAULT_BIND_HOST, DEFAULT_PORT, false, List.of(),
                DEFAULT_MAX_FRAME_BYTES, DEFAULT_MAX_REQUEST_BYTES, TelnetConfig.defaults(),
                DEFAULT_PING_INTERVAL, DEFAULT_PING_TIMEOUT);
    }

    public WebConfig withBindHost(String newBindHost) {
        return new WebConfig(newBindHost, port, trustProxy, allowedOrigins, maxFrameBytes, maxRequestBytes, telnet,
                pingInterval, pingTimeout);
    }

    public WebConfig withPort(int newPort) {
        return new WebConfig(bindHost, newPort, trustProxy, allowedOrigins, maxFrameBytes, maxRequestBytes, telnet,
                pingInterval, pingTimeout);
    }

    public WebConfig withTrustProxy(boolean trust) {
        return new WebConfig(bindHost, port, trust, allowedOrigins, maxFrameBytes, maxRequestBytes, telnet,
                pingInterval, pingTimeout);
    }

    public WebConfig withAllowedOrigins(List<String> origins) {
        return new WebConfig(bindHost, port, trustProxy, origins, maxFrameBytes, maxRequestBytes, telnet,
                pingInterval, pingTimeout);
    }

    public WebConfig withPings(Duration interval, Duration timeout) {
        return new WebConfig(bindHost, port, trustProxy, allowedOrigins, maxFrameBytes, maxRequestBytes, telnet,
                interval, timeout);
    }

    public WebConfig withTelnet(TelnetConfig newTelnet) {
        return new WebConfig(bindHost, port, trustProxy, allowedOrigins, maxFrameBytes, maxRequestBytes, newTelnet,
                pingInterval, pingTimeout);
    }
}
