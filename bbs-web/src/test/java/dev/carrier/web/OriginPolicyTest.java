package dev.carrier.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    private final OriginPolicy sameOriginOnly = new OriginPolicy(List.of());

    @Test
    void theServersOwnPagesMayConnect() {
        assertTrue(sameOriginOnly.allows("http://localhost:8080", "localhost:8080"));
        assertTrue(sameOriginOnly.allows("http://BBS.example.org", "bbs.example.org"));
        assertTrue(sameOriginOnly.allows("https://bbs.example.org", "bbs.example.org"), "TLS ends at the proxy");
        assertTrue(sameOriginOnly.allows("http://[::1]:8080", "[::1]:8080"));
    }

    @Test
    void otherPagesMayNot() {
        assertFalse(sameOriginOnly.allows("http://evil.example", "bbs.example.org"));
        assertFalse(sameOriginOnly.allows("http://localhost:9999", "localhost:8080"), "another port is another origin");
        assertFalse(sameOriginOnly.allows("http://bbs.example.org.evil.example", "bbs.example.org"));
        assertFalse(sameOriginOnly.allows("null", "bbs.example.org"));
        assertFalse(sameOriginOnly.allows("not a url at all", "bbs.example.org"));
        assertFalse(sameOriginOnly.allows("http://localhost:8080", null));
    }

    @Test
    void programsWithoutAnOriginMayConnect() {
        assertTrue(sameOriginOnly.allows(null, "bbs.example.org"));
    }

    @Test
    void configuredOriginsAndTheWildcardWiden() {
        OriginPolicy listed = new OriginPolicy(WebConfig.defaults()
                .withAllowedOrigins(List.of("https://Client.example/")).allowedOrigins());
        assertTrue(listed.allows("https://client.example", "bbs.example.org"));
        assertFalse(listed.allows("http://client.example", "bbs.example.org"), "the scheme is part of a listed origin");
        assertTrue(new OriginPolicy(List.of("*")).allows("http://anywhere.example", "bbs.example.org"));
    }
}
