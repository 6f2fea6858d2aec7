package dev.carrier.web;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * Whose word about the client's address is taken. Off, the socket's peer is the client. On
 * ({@code --trust-proxy}), a connection from one of the trusted proxies ({@code --trusted-proxies},
 * loopback unless told otherwise) has its client named by exactly one header
 * ({@code --proxy-header}): the right-most entry of {@code X-Forwarded-For}, the one the proxy
 * itself appended, or the value of another header the proxy sets, such as {@code X-Real-IP}. A
 * connection from anywhere else is its own peer whatever it sends.
 *
 * @param enabled        whether proxy headers are read at all
 * @param trustedProxies the peers whose header is believed
 * @param header         the one header that names the client
 */
public record ProxyTrust(boolean enabled, List<AddressRange> trustedProxies, String header) {

    public static final String DEFAULT_HEADER = "X-Forwarded-For";
    /** Loopback, as the command line takes it: a proxy on the same machine. */
    public static final String DEFAULT_TRUSTED_PROXY_LIST = "127.0.0.1,::1";
    public static final List<String> DEFAULT_TRUSTED_PROXIES = List.of(DEFAULT_TRUSTED_PROXY_LIST.split(","));

    public ProxyTrust {
        trustedProxies = List.copyOf(trustedProxies);
        Objects.requireNonNull(header, "header");
        header = header.trim();
        if (!header.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
            throw new IllegalArgumentException("the proxy header must be a header name such as X-Forwarded-For or"
                    + " X-Real-IP, was '" + header + "'");
        }
    }

    /** No proxy: every connection is its own peer. */
    public static ProxyTrust none() {
        return of(false, DEFAULT_TRUSTED_PROXIES, DEFAULT_HEADER);
    }

    /** From the options' text: addresses or CIDR blocks, and a header name. */
    public static ProxyTrust of(boolean enabled, List<String> trustedProxies, String header) {
        return new ProxyTrust(enabled, trustedProxies.stream().filter(p -> !p.isBlank()).map(AddressRange::parse).toList(),
                header);
    }

    public ProxyTrust withEnabled(boolean on) {
        return new ProxyTrust(on, trustedProxies, header);
    }

    /** Whether this peer's headers are believed. */
    public boolean trusts(SocketAddress peer) {
        if (!enabled || !(peer instanceof InetSocketAddress inet) || inet.getAddress() == null) return false;
        return trustedProxies.stream().anyMatch(range -> range.contains(inet.getAddress()));
    }
}
