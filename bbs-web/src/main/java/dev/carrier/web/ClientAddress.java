package dev.carrier.web;

import dev.carrier.netty.PeerIp;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.SocketAddress;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who the client is: the socket's peer, unless that peer is a trusted proxy ({@link ProxyTrust}):
 * then the address in the one header the proxy sets. From a list ({@code X-Forwarded-For}) the
 * right-most entry of the last such header is taken: it is the one the proxy itself appended
 * (nginx's {@code $proxy_add_x_forwarded_for}, Caddy by default); entries before it came from the
 * client and prove nothing. A value that is not an IP address is ignored, and the peer counts.
 */
final class ClientAddress {

    /** IPv4 dotted quad, or IPv6 hex groups (with an optional zone or embedded IPv4). */
    private static final Pattern IP = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.%]*");

    private ClientAddress() {}

    static String of(SocketAddress peer, HttpHeaders headers, ProxyTrust proxy) {
        if (proxy.trusts(peer)) {
            String named = rightMost(headers.getAll(proxy.header()));
            if (named != null) return named;
        }
        return PeerIp.of(peer);
    }

    /** The last entry of the last header line: the proxy appends (or sets) it last. */
    private static String rightMost(List<String> lines) {
        if (lines.isEmpty()) return null;
        String line = lines.get(lines.size() - 1);
        int comma = line.lastIndexOf(',');
        return ip(comma < 0 ? line : line.substring(comma + 1));
    }

    /** The address in a header value: brackets and an IPv4 port stripped; null unless it looks like an IP. */
    static String ip(String value) {
        if (value == null) return null;
        String ip = value.trim();
        if (ip.startsWith("[")) {
            int close = ip.indexOf(']');
            if (close < 0) return null;
            ip = ip.substring(1, close);
        } else if (ip.indexOf(':') > 0 && ip.indexOf(':') == ip.lastIndexOf(':') && ip.indexOf('.') > 0) {
            ip = ip.substring(0, ip.indexOf(':')); // 203.0.113.7:51234
        }
        return !ip.isEmpty() && ip.length() <= 64 && IP.matcher(ip).matches() ? ip : null;
    }
}
