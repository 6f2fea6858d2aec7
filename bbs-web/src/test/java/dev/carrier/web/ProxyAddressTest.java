package dev.carrier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only what the trusted proxy itself adds names the client; everything a client sends is its own word. */
class ProxyAddressTest {

    private static final InetSocketAddress LOCAL_PROXY = new InetSocketAddress("127.0.0.1", 40000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("198.51.100.20", 40000);

    @Test
    void aClientChosenForwardedForLosesToTheProxysRealIpWhenThatIsTheNamedHeader() {
        // nginx with only "proxy_set_header X-Real-IP $remote_addr": the client's own X-Forwarded-For passes through
        ProxyTrust realIp = ProxyTrust.of(true, ProxyTrust.DEFAULT_TRUSTED_PROXIES, "X-Real-IP");
        HttpHeaders headers = new DefaultHttpHeaders()
                .set("X-Forwarded-For", "192.0.2.66")
                .set("X-Real-IP", "203.0.113.7");
        assertEquals("203.0.113.7", ClientAddress.of(LOCAL_PROXY, headers, realIp));
    }

    @Test
    void theDefaultHeaderIsForwardedForAndAnotherHeaderIsNotConsulted() {
        ProxyTrust trust = ProxyTrust.of(true, ProxyTrust.DEFAULT_TRUSTED_PROXIES, ProxyTrust.DEFAULT_HEADER);
        HttpHeaders onlyRealIp = new DefaultHttpHeaders().set("X-Real-IP", "192.0.2.66");
        assertEquals("127.0.0.1", ClientAddress.of(LOCAL_PROXY, onlyRealIp, trust));
    }

    @Test
    void entriesTheClientPutBeforeTheProxysAreIgnored() {
        ProxyTrust trust = ProxyTrust.of(true, ProxyTrust.DEFAULT_TRUSTED_PROXIES, ProxyTrust.DEFAULT_HEADER);
        HttpHeaders spoofed = new DefaultHttpHeaders()
                .add("X-Forwarded-For", "192.0.2.66, 192.0.2.67")
                .add("X-Forwarded-For", "192.0.2.68, 203.0.113.7");
        assertEquals("203.0.113.7", ClientAddress.of(LOCAL_PROXY, spoofed, trust),
                "the right-most entry of the last line is the one the proxy appended");
    }

    @Test
    void aPeerThatIsNotATrustedProxyIsItsOwnAddressWhateverItSends() {
        ProxyTrust trust = ProxyTrust.of(true, List.of("10.0.0.0/8", "::1"), "X-Forwarded-For");
        HttpHeaders headers = new DefaultHttpHeaders().set("X-Forwarded-For", "203.0.113.7");
        assertEquals("198.51.100.20", ClientAddress.of(STRANGER, headers, trust));
        assertEquals("203.0.113.7", ClientAddress.of(new InetSocketAddress("10.1.2.3", 1), headers, trust));
        assertEquals("127.0.0.1", ClientAddress.of(LOCAL_PROXY, headers, trust), "loopback is not listed here");
    }

    @Test
    void trustedProxiesAreAddressesOrCidrBlocks() throws Exception {
        AddressRange block = AddressRange.parse("192.0.2.0/25");
        assertTrue(block.contains(InetAddress.getByName("192.0.2.127")));
        assertFalse(block.contains(InetAddress.getByName("192.0.2.128")));
        assertTrue(AddressRange.parse("2001:db8::/32").contains(InetAddress.getByName("2001:db8:ffff::1")));
        assertFalse(AddressRange.parse("::1").contains(InetAddress.getByName("127.0.0.1")));
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("proxy.example"));
        assertTrue(name.getMessage().contains("IP address or CIDR block"), name.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> ProxyTrust.of(true, List.of(), "X Forwarded"));
    }
}
