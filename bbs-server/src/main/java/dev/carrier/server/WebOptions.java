package dev.carrier.server;

import java.util.List;

/**
 * The browser terminal's settings, from {@code carrier serve}'s options.
 *
 * @param port           0 turns the web off; {@link ServerConfig#EPHEMERAL} asks for any free port (tests)
 * @param trustProxy     take the client's address from X-Forwarded-For / X-Real-IP
 * @param allowedOrigins origins besides the server's own whose pages may open the WebSockets
 */
public record WebOptions(int port, boolean trustProxy, List<String> allowedOrigins) {

    public WebOptions {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public WebOptions withPort(int newPort) {
        return new WebOptions(newPort, trustProxy, allowedOrigins);
    }

    public WebOptions withTrustProxy(boolean trust) {
        return new WebOptions(port, trust, allowedOrigins);
    }

    public WebOptions withAllowedOrigins(List<String> origins) {
        return new WebOptions(port, trustProxy, origins);
    }
}
