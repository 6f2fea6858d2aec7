package dev.carrier.web;

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
        return withCrLf(text).getBytes(StandardCharsets.UTF_8);
    }

    /** Every LF not already after a CR gets one. */
    static String withCrLf(String text) {
        int lf = text.indexOf('\n');
        if (lf < 0) return text;
        StringBuilder sb = new StringBuilder(text.length() + 16);
        int from = 0;
        while (lf >= 0) {
            sb.append(text, from, lf);
            if (lf == 0 || text.charAt(lf - 1) != '\r') sb.append('\r');
            sb.append('\n');
            from = lf + 1;
            lf = text.indexOf('\n', from);
        }
        return sb.append(text, from, text.length()).toString();
    }

    @Override
    public String toString() {
        return "web/UTF-8";
    }
}
