package dev.carrier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carrier.admin.AdminViews.TailEvent;
import org.junit.jupiter.api.Test;

/** How the live feed reads at the console. */
class TailFormatTest {

    @Test
    void aPageForTheSysopRingsTheConsolesBell() {
        assertEquals("12:00:00           page       bob bob is paging the sysop\u0007",
                Format.tail(new TailEvent("2026-01-31T12:00:00.000Z", "page", null, "bob", "bob is paging the sysop")));
    }

    @Test
    void otherEventsDoNotRing() {
        assertEquals("12:00:00  node 3   login      bob",
                Format.tail(new TailEvent("2026-01-31T12:00:00.000Z", "login", 3, "bob", null)));
    }
}
