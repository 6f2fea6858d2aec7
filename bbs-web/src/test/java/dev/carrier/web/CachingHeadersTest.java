package dev.carrier.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Accept-Encoding and If-None-Match, read as browsers mean them. */
class CachingHeadersTest {

    @Test
    void gzipAndEtagsAreReadAsBrowsersMeanThem() {
        assertTrue(StaticPage.acceptsGzip("gzip, deflate, br"));
        assertTrue(StaticPage.acceptsGzip("*"));
        assertFalse(StaticPage.acceptsGzip("gzip;q=0, deflate"));
        assertFalse(StaticPage.acceptsGzip("identity"));
        assertTrue(StaticPage.matches("W/\"x\", \"abc\"", "\"abc\""));
        assertFalse(StaticPage.matches("\"abd\"", "\"abc\""));
    }
}
