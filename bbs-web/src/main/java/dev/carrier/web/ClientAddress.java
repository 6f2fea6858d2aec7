package dev.carrier.web;

import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.regex.Pattern;

/**
 * Who the client is. The socket's peer, unless the sysop said a reverse proxy of theirs stands in
 * front ({@code --trust-proxy}): then the address the proxy reports. Never the headers otherwise,
 * since any client can send them.
 *
 * <p>From {@code X-Forwarded-For} the last entry is taken: it is the one the proxy itself added
 * (nginx's {@code $proxy_add_x_forwarded_for}); earlier entries came from the client and prove
 * nothing. {@code X-Real-IP} is used when there is no {@code X-Forwarded-For}. A value that is not
 * an IP address is ignored.
 */
final class ClientAddress {

    /** IPv4 dotted quad, or IPv6 hex groups (with an optional zone or embedded IPv4). */
    private static final Pattern IP = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.%]*");

    private ClientAddress() {}

    static String of(SocketAddress peer, HttpHeaders headers, boolean trustProxy) {
        if (trustProxy) {
            String forwarded = lastEntry(headers.get("X-Forwarded-For"));
            if (forwarded != null) return forwarded;
            String real = ip(headers.get("X-Real-IP"));
            if (real != null) return real;
        }
        return peerIp(peer);
    }

    static String peerIp(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
        }
        return String.valueOf(address);
    }

    private static String lastEntry(String header) {
        if (header == null) return null;
        int comma = header.lastIndexOf(',');
        return ip(comma < 0 ? header : header.substring(comma + 1));
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
