package dev.carrier.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Accept-Encoding and If-None-Match, read as browsers mean them. */
class CachingHeadersTest {

    @Test
    void gzipAndEtagsAreReadAsBrowsersMeanThem() {
        assertTrue(HttpRouter.acceptsGzip("gzip, deflate, br"));
        assertTrue(HttpRouter.acceptsGzip("*"));
        assertFalse(HttpRouter.acceptsGzip("gzip;q=0, deflate"));
        assertFalse(HttpRouter.acceptsGzip("identity"));
        assertTrue(HttpRouter.matches("W/\"x\", \"abc\"", "\"abc\""));
        assertFalse(HttpRouter.matches("\"abd\"", "\"abc\""));
    }
}
