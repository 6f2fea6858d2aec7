package dev.carrier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ControlFrameTest {

    @Test
    void aResizeIsRead() {
        assertEquals(new Control.Resize(120, 40), Control.parse("{\"type\":\"resize\",\"cols\":120,\"rows\":40}"));
        assertEquals(new Control.Resize(1000, 1000), Control.parse("{\"type\":\"resize\",\"cols\":99999,\"rows\":5000}"));
    }

    @Test
    void whatCannotBeUsedSaysWhy() {
        assertTrue(reason("nonsense").contains("JSON object"));
        assertTrue(reason("[1,2]").contains("JSON object"));
        assertTrue(reason("{\"type\":\"resize\",\"cols\":\"wide\",\"rows\":2}").contains("whole numbers"));
        assertTrue(reason("{\"type\":\"resize\",\"cols\":80.5,\"rows\":24}").contains("whole numbers"));
        assertTrue(reason("{\"type\":\"resize\",\"cols\":0,\"rows\":24}").contains("1 or more"));
        assertTrue(reason("{\"type\":\"launch\"}").contains("unknown control type \"launch\""));
    }

    @Test
    void theServersFramesAreJson() {
        assertEquals("{\"type\":\"bell\"}", Control.BELL);
        assertEquals("{\"type\":\"error\",\"message\":\"say \\\"hi\\\"\"}", Control.error("say \"hi\""));
    }

    private static String reason(String json) {
        return assertInstanceOf(Control.Invalid.class, Control.parse(json)).reason();
    }
}
