package dev.carrier.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The key an address is throttled under: IPv4 as written, IPv6 cut to its /64 (one home or
 * one server is given a whole /64 and may pick any address in it), an IPv4-mapped IPv6 as its
 * IPv4. Anything else is kept, at most {@link #MAX_LENGTH} characters. Never asks DNS.
 */
final class AddressKey {

    static final int MAX_LENGTH = 64;

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private AddressKey() {}

    static String of(String address) {
        if (address == null || address.isBlank()) return "?";
        String trimmed = address.strip();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) trimmed = trimmed.substring(1, trimmed.length() - 1);
        int zone = trimmed.indexOf('%');
        if (zone >= 0) trimmed = trimmed.substring(0, zone);
        if (trimmed.length() <= MAX_LENGTH && (IPV4.matcher(trimmed).matches() || IPV6.matcher(trimmed).matches())) {
            try {
                // A literal only: InetAddress checks its form and does no lookup.
                byte[] bytes = InetAddress.getByName(trimmed).getAddress();
                if (bytes.length == 4) return InetAddress.getByAddress(bytes).getHostAddress();
                byte[] prefix = Arrays.copyOf(bytes, 16);
                Arrays.fill(prefix, 8, 16, (byte) 0);
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            } catch (UnknownHostException notAnAddress) {
                // kept as text below
            }
        }
        return trimmed.length() <= MAX_LENGTH ? trimmed : trimmed.substring(0, MAX_LENGTH);
    }
}
