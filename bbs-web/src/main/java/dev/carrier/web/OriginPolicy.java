package dev.carrier.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Which pages may open the WebSockets. A browser sends the page's origin with every WebSocket
 * handshake; without this check any site a user visits could open a session in their name
 * (cross-site WebSocket hijacking). The server's own pages are always allowed, and so are the
 * configured origins; a handshake without an Origin header comes from a program, not a
 * browser page, and is let through: such a client could send any header it liked.
 *
 * <p>Immutable and thread-safe.
 */
final class OriginPolicy {

    private final List<String> allowed;
    private final boolean anyOrigin;

    /** @param allowedOrigins lower-case origins without a trailing slash, or {@code *} for any */
    OriginPolicy(List<String> allowedOrigins) {
        this.allowed = List.copyOf(allowedOrigins);
        this.anyOrigin = allowed.contains("*");
    }

    /**
     * Whether a page from {@code origin} may connect.
     *
     * @param origin the Origin header, or null when there is none
     * @param host   the host the client asked for (the Host header, or the proxy's X-Forwarded-Host)
     */
    boolean allows(String origin, String host) {
        if (origin == null || anyOrigin) return true;
        String normalized = origin.trim().toLowerCase(Locale.ROOT);
        if (allowed.contains(normalized)) return true;
        return host != null && sameOrigin(normalized, host.trim().toLowerCase(Locale.ROOT));
    }

    /** The origin's host and port are the ones the request was sent to; the scheme may differ behind TLS. */
    static boolean sameOrigin(String origin, String host) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return false; // "null" (a sandboxed or file page) and garbage alike
        }
        if (uri.getHost() == null || uri.getScheme() == null) return false;
        int originPort = uri.getPort() != -1 ? uri.getPort() : defaultPort(uri.getScheme());
        URI authority;
        try {
            authority = new URI(uri.getScheme() + "://" + host);
        } catch (URISyntaxException e) {
            return false;
        }
        if (authority.getHost() == null || !authority.getHost().equals(uri.getHost())) return false;
        int hostPort = authority.getPort() != -1 ? authority.getPort() : defaultPort(uri.getScheme());
        return originPort == hostPort;
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "https", "wss" -> 443;
            default -> 80;
        };
    }
}
