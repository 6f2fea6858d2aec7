package dev.carrier.ssh;

import dev.carrier.terminal.LineEndings;
import dev.carrier.terminal.OutputForm;
import java.nio.charset.Charset;

/**
 * Text as SSH callers get it: CR LF line ends in the caller's charset, unmappable characters as
 * the charset's replacement. A record, so every SSH terminal with one charset shares one form
 * (equal forms key the same bytes in a {@code SharedText}).
 */
record SshOutputForm(Charset charset) implements OutputForm {

    @Override
    public byte[] encode(String text) {
        return LineEndings.crlf(text).getBytes(charset);
    }
}
