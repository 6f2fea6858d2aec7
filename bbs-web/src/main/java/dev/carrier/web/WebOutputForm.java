package dev.carrier.web;

import dev.carrier.terminal.LineEndings;
import dev.carrier.terminal.OutputForm;
import java.nio.charset.StandardCharsets;

/**
 * Text as the browser terminal reads it: UTF-8 (xterm.js decodes nothing else), every {@code '\n'}
 * a CR LF. One instance, so a chat line is encoded once for every browser viewer. Thread-safe.
 */
final class WebOutputForm implements OutputForm {

    static final WebOutputForm INSTANCE = new WebOutputForm();

    private WebOutputForm() {}

    @Override
    public byte[] encode(String text) {
        return LineEndings.crlf(text).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "web/UTF-8";
    }
}
