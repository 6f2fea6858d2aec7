package dev.carrier.telnet;

import dev.carrier.terminal.LineEndings;
import dev.carrier.terminal.OutputForm;
import java.nio.charset.Charset;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Text as a telnet client reads it in one charset: {@code '\n'} becomes CR LF, characters are
 * encoded (unmappable ones become the charset's replacement, {@code ?} for CP437), and 0xFF bytes
 * are doubled so they are not taken for IAC.
 *
 * <p>There is one instance per charset, so that {@link dev.carrier.terminal.SharedText} encodes a
 * chat line once for every telnet viewer of that charset. Thread-safe.
 */
final class TelnetOutputForm implements OutputForm {

    private static final ConcurrentMap<Charset, TelnetOutputForm> FORMS = new ConcurrentHashMap<>();

    private final Charset charset;

    private TelnetOutputForm(Charset charset) {
        this.charset = charset;
    }

    /** The form for {@code charset}; always the same instance for the same charset. */
    public static TelnetOutputForm of(Charset charset) {
        Objects.requireNonNull(charset, "charset");
        return FORMS.computeIfAbsent(charset, TelnetOutputForm::new);
    }

    public Charset charset() {
        return charset;
    }

    @Override
    public byte[] encode(String text) {
        return Telnet.escapeIac(LineEndings.crlf(text).getBytes(charset));
    }

    @Override
    public String toString() {
        return "telnet/" + charset.name();
    }
}
