package dev.carrier.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An IP address or a CIDR block ({@code 10.0.0.0/8}, {@code fd00::/8}), for the proxies whose
 * headers are believed. Written as literals only: a name would need a DNS lookup, and DNS answers
 * are not the sysop's word.
 *
 * @param network the block's first address (the bits past the prefix are ignored)
 * @param prefix  how many leading bits must match
 */
public record AddressRange(InetAddress network, int prefix) {

    public AddressRange {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("a prefix for " + network.getHostAddress() + " must be 0-" + bits
                    + ", was " + prefix);
        }
    }

    /** {@code 192.0.2.7}, {@code 192.0.2.0/24}, {@code ::1} or {@code 2001:db8::/32}. */
    public static AddressRange parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (address.startsWith("[") && address.endsWith("]")) address = address.substring(1, address.length() - 1);
        if (address.isEmpty() || !address.matches("[0-9a-fA-F:.]+") || !(address.contains(".") || address.contains(":"))) {
            throw new IllegalArgumentException("a trusted proxy must be an IP address or CIDR block such as 127.0.0.1,"
                    + " ::1 or 10.0.0.0/8, was '" + text + "'");
        }
        InetAddress network;
        try {
            network = InetAddress.getByName(address); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address; write a trusted proxy such as"
                    + " 127.0.0.1 or 10.0.0.0/8", e);
        }
        int bits = network.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the prefix in '" + text + "' must be a number of bits, such as /24", e);
        }
        return new AddressRange(network, prefix);
    }

    public boolean contains(InetAddress address) {
        byte[] want = network.getAddress();
        byte[] have = address.getAddress();
        if (want.length != have.length) return false;
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (want[i] != have[i]) return false;
        }
        int rest = prefix % 8;
        if (rest == 0) return true;
        int mask = (0xff << (8 - rest)) & 0xff;
        return (want[whole] & mask) == (have[whole] & mask);
    }

    @Override
    public String toString() {
        int bits = network.getAddress().length * 8;
        return prefix == bits ? network.getHostAddress() : network.getHostAddress() + "/" + prefix;
    }
}
