package dev.carrier.netty;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** A connection's peer as the address limit and the logs name it: its IP without the port. */
public final class PeerIp {

    private PeerIp() {}

    /** The peer's IP without the port; whatever the address says for other channel kinds. */
    public static String of(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
        }
        return String.valueOf(address);
    }
}
