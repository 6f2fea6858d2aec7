package dev.carrier.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** WebSockets open only under the server's own names, whatever Origin a rebinding page sends. */
class PublicHostTest {

    @Test
    void loopbackNamesAndTheBindAddressAreAllowedByDefault() {
        HostPolicy hosts = new HostPolicy(List.of(), "192.0.2.10");
        assertTrue(hosts.allows("localhost:8080"));
        assertTrue(hosts.allows("127.0.0.1:8080"));
        assertTrue(hosts.allows("[::1]:8080"));
        assertTrue(hosts.allows("192.0.2.10"));
        assertTrue(hosts.allows("LOCALHOST."));
        assertFalse(hosts.allows("evil.example:8080"));
        assertFalse(hosts.allows(null));
    }

    @Test
    void aListedPublicNameReplacesTheDefaults() {
        HostPolicy hosts = new HostPolicy(List.of("bbs.example.org", "[2001:db8::7]"), "0.0.0.0");
        assertTrue(hosts.allows("bbs.example.org"));
        assertTrue(hosts.allows("BBS.example.org:443"));
        assertTrue(hosts.allows("[2001:db8::7]:8080"));
        assertFalse(hosts.allows("localhost"));
        assertFalse(hosts.allows("bbs.example.org.evil.example"));
    }

    @Test
    void aStarAllowsAnyHost() {
        assertTrue(new HostPolicy(List.of("*"), "0.0.0.0").allows("anything.example"));
    }
}
