package dev.carrier.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which host names a WebSocket may be opened under. A page served under a name the sysop never
 * gave (an attacker's domain that resolves to this server: DNS rebinding) has a matching Origin
 * and Host, so the origin check alone lets it through; the Host must also be one of the server's
 * public names ({@code --public-host}). The default is the loopback names and the bind address, or
 * the machine's own name when binding every interface; {@code *} turns the check off.
 *
 * <p>Immutable and thread-safe.
 */
final class HostPolicy {

    static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "::1");

    private final Set<String> allowed;
    private final boolean anyHost;

    /** @param publicHosts the sysop's list; empty for the defaults from {@code bindHost} */
    HostPolicy(List<String> publicHosts, String bindHost) {
        Set<String> names = new LinkedHashSet<>();
        if (publicHosts.isEmpty()) {
            names.addAll(defaults(bindHost));
        } else {
            for (String host : publicHosts) names.add(hostOnly(host));
        }
        names.remove("");
        this.allowed = Set.copyOf(names);
        this.anyHost = allowed.contains("*");
    }

    /** The loopback names, plus the bind address or, for every interface, this machine's name. */
    static Set<String> defaults(String bindHost) {
        Set<String> names = new LinkedHashSet<>(LOOPBACK);
        String bind = hostOnly(bindHost);
        if (bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("0:0:0:0:0:0:0:0")) {
            try {
                InetAddress self = InetAddress.getLocalHost();
                names.add(self.getHostName().toLowerCase(Locale.ROOT));
                names.add(self.getCanonicalHostName().toLowerCase(Locale.ROOT));
            } catch (UnknownHostException e) {
                // no name of its own: loopback only until the sysop lists one
            }
        } else {
            names.add(bind);
        }
        return names;
    }

    /** Whether a request for {@code host} (a Host header: name or address, maybe a port) may upgrade. */
    boolean allows(String host) {
        if (anyHost) return true;
        return host != null && allowed.contains(hostOnly(host));
    }

    Set<String> allowed() {
        return allowed;
    }

    /** Lower case, without port, brackets or a trailing dot. */
    static String hostOnly(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close < 0 ? h : h.substring(1, close);
        }
        int colon = h.indexOf(':');
        if (colon >= 0 && colon == h.lastIndexOf(':')) h = h.substring(0, colon); // name:port; bare IPv6 stays
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        return h;
    }
}
