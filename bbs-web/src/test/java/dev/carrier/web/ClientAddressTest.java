package dev.carrier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final InetSocketAddress PROXY = new InetSocketAddress("10.0.0.2", 40000);
    private static final ProxyTrust TRUSTING = ProxyTrust.of(true, List.of("10.0.0.2"), "X-Forwarded-For");

    @Test
    void withoutTrustTheHeadersAreIgnored() {
        HttpHeaders headers = new DefaultHttpHeaders().set("X-Forwarded-For", "203.0.113.7").set("X-Real-IP", "203.0.113.8");
        assertEquals("10.0.0.2", ClientAddress.of(PROXY, headers, ProxyTrust.none()));
    }

    @Test
    void behindATrustedProxyTheEntryItAddedCounts() {
        HttpHeaders headers = new DefaultHttpHeaders().set("X-Forwarded-For", "1.2.3.4, 203.0.113.7");
        assertEquals("203.0.113.7", ClientAddress.of(PROXY, headers, TRUSTING));
        assertEquals("10.0.0.2", ClientAddress.of(PROXY, new DefaultHttpHeaders(), TRUSTING));
    }

    @Test
    void onlyAddressesAreTaken() {
        assertEquals("203.0.113.7", ClientAddress.ip(" 203.0.113.7:5123 "));
        assertEquals("2001:db8::1", ClientAddress.ip("[2001:db8::1]:443"));
        assertEquals("2001:db8::1", ClientAddress.ip("2001:db8::1"));
        assertNull(ClientAddress.ip("unknown"));
        assertNull(ClientAddress.ip("<script>"));
        assertNull(ClientAddress.ip(""));
        HttpHeaders garbage = new DefaultHttpHeaders().set("X-Forwarded-For", "not-an-ip");
        assertEquals("10.0.0.2", ClientAddress.of(PROXY, garbage, TRUSTING));
    }
}
