package dev.carrier.web;

import dev.carrier.netty.OutputLimits;
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
 * @param proxy           whose headers name the client: off, or the trusted proxies and their one header
 * @param allowedOrigins  origins whose pages may open the WebSockets besides the server's own,
 *                        such as {@code https://bbs.example.org}; {@code *} allows any
 * @param publicHosts     host names a WebSocket may be opened under; empty for the loopback names
 *                        and the bind address (or this machine's name); {@code *} allows any
 * @param maxFrameBytes   the largest WebSocket message a client may send
 * @param maxRequestBytes the largest HTTP request body; headers have a fixed bound of their own
 * @param telnet          how {@code /telnet} treats its clients (charsets, negotiation time)
 * @param pingInterval    how often a WebSocket is pinged
 * @param pingTimeout     how long a WebSocket may stay silent (no pong, no frame) before it is closed
 * @param output          how long output may stay blocked, and how much may wait, before a client
 *                        that does not read is hung up on
 */
public record WebConfig(String bindHost, int port, ProxyTrust proxy, List<String> allowedOrigins,
                        List<String> publicHosts, int maxFrameBytes, int maxRequestBytes, TelnetConfig telnet,
                        Duration pingInterval, Duration pingTimeout, OutputLimits output) {

    /** Both transports listen alike. */
    public static final String DEFAULT_BIND_HOST = TelnetConfig.DEFAULT_BIND_HOST;
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_FRAME_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_REQUEST_BYTES = 16 * 1024;
    /** In seconds, so that the command line can show them as text ({@code 30s}). */
    public static final int DEFAULT_PING_INTERVAL_SECONDS = 30;
    public static final int DEFAULT_PING_TIMEOUT_SECONDS = 45;
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(DEFAULT_PING_INTERVAL_SECONDS);
    public static final Duration DEFAULT_PING_TIMEOUT = Duration.ofSeconds(DEFAULT_PING_TIMEOUT_SECONDS);

    public WebConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(allowedOrigins, "allowedOrigins");
        Objects.requireNonNull(publicHosts, "publicHosts");
        Objects.requireNonNull(telnet, "telnet");
        Objects.requireNonNull(output, "output");
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
        publicHosts = publicHosts.stream()
                .map(host -> host.trim().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty())
                .toList();
    }

    /** Port 8080 on every interface, same-origin only, default host names, no proxy trusted, 64 KiB frames. */
    public static WebConfig defaults() {
        return new WebConfig(DEFAULT_BIND_HOST, DEFAULT_PORT, ProxyTrust.none(), List.of(), List.of(),
                DEFAULT_MAX_FRAME_BYTES, DEFAULT_MAX_REQUEST_BYTES, TelnetConfig.defaults(),
                DEFAULT_PING_INTERVAL, DEFAULT_PING_TIMEOUT, OutputLimits.defaults());
    }

    /** Whether proxy headers are read at all (from the trusted proxies only). */
    public boolean trustProxy() {
        return proxy.enabled();
    }

    public WebConfig withBindHost(String newBindHost) {
        return new WebConfig(newBindHost, port, proxy, allowedOrigins, publicHosts, maxFrameBytes, maxRequestBytes,
                telnet, pingInterval, pingTimeout, output);
    }

    public WebConfig withPort(int newPort) {
        return new WebConfig(bindHost, newPort, proxy, allowedOrigins, publicHosts, maxFrameBytes, maxRequestBytes,
                telnet, pingInterval, pingTimeout, output);
    }

    /** Reads proxy headers from the default trusted proxies (loopback), or stops reading them. */
    public WebConfig withTrustProxy(boolean trust) {
        return withProxy(proxy.withEnabled(trust));
    }

    public WebConfig withProxy(ProxyTrust newProxy) {
        return new WebConfig(bindHost, port, newProxy, allowedOrigins, publicHosts, maxFrameBytes, maxRequestBytes,
                telnet, pingInterval, pingTimeout, output);
    }

    public WebConfig withAllowedOrigins(List<String> origins) {
        return new WebConfig(bindHost, port, proxy, origins, publicHosts, maxFrameBytes, maxRequestBytes,
                telnet, pingInterval, pingTimeout, output);
    }

    public WebConfig withPublicHosts(List<String> hosts) {
        return new WebConfig(bindHost, port, proxy, allowedOrigins, hosts, maxFrameBytes, maxRequestBytes,
                telnet, pingInterval, pingTimeout, output);
    }

    public WebConfig withPings(Duration interval, Duration timeout) {
        return new WebConfig(bindHost, port, proxy, allowedOrigins, publicHosts, maxFrameBytes, maxRequestBytes,
                telnet, interval, timeout, output);
    }

    public WebConfig withTelnet(TelnetConfig newTelnet) {
        return new WebConfig(bindHost, port, proxy, allowedOrigins, publicHosts, maxFrameBytes, maxRequestBytes,
                newTelnet, pingInterval, pingTimeout, output);
    }

    public WebConfig withOutput(OutputLimits newOutput) {
        return new WebConfig(bindHost, port, proxy, allowedOrigins, publicHosts, maxFrameBytes, maxRequestBytes,
                telnet, pingInterval, pingTimeout, newOutput);
    }
}
