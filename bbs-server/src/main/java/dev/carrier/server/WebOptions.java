package dev.carrier.server;

import java.time.Duration;
import java.util.List;

/**
 * The web's settings, from {@code carrier serve}'s options.
 *
 * @param port           0 turns the web off; {@link ServerConfig#EPHEMERAL} asks for any free port (tests)
 * @param trustProxy     take the client's address from X-Forwarded-For / X-Real-IP
 * @param allowedOrigins origins besides the server's own whose pages may open the WebSockets
 * @param pingInterval   how often each WebSocket is pinged
 * @param pingTimeout    how long a WebSocket may stay silent before it is closed as gone
 */
public record WebOptions(int port, boolean trustProxy, List<String> allowedOrigins, Duration pingInterval,
        Duration pingTimeout) {

    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_PING_TIMEOUT = Duration.ofSeconds(45);

    public WebOptions {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public WebOptions(int port, boolean trustProxy, List<String> allowedOrigins) {
        this(port, trustProxy, allowedOrigins, DEFAULT_PING_INTERVAL, DEFAULT_PING_TIMEOUT);
    }

    public WebOptions withPort(int newPort) {
        return new WebOptions(newPort, trustProxy, allowedOrigins, pingInterval, pingTimeout);
    }

    public WebOptions withTrustProxy(boolean trust) {
        return new WebOptions(port, trust, allowedOrigins, pingInterval, pingTimeout);
    }

    public WebOptions withAllowedOrigins(List<String> origins) {
        return new WebOptions(port, trustProxy, origins, pingInterval, pingTimeout);
    }

    public WebOptions withPings(Duration interval, Duration timeout) {
        return new WebOptions(port, trustProxy, allowedOrigins, interval, timeout);
    }
}
