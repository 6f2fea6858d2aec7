package dev.carrier.terminal;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * What the engine knows of a terminal.
 *
 * @param transport     how the user is connected: {@code telnet} or {@code web}
 * @param remoteAddress the peer's address, as the transport trusts it
 * @param type          the terminal type the client reported ({@code xterm}, {@code ansi}), or {@code unknown}
 * @param columns       width in characters (80 when unknown)
 * @param rows          height in lines (24 when unknown)
 * @param charset       what text is encoded as on the wire
 */
public record TerminalInfo(
        String transport, String remoteAddress, String type, int columns, int rows, Charset charset) {

    public static final int DEFAULT_COLUMNS = 80;
    public static final int DEFAULT_ROWS = 24;

    public TerminalInfo {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(charset, "charset");
        if (columns <= 0) columns = DEFAULT_COLUMNS;
        if (rows <= 0) rows = DEFAULT_ROWS;
    }

    public TerminalInfo withSize(int newColumns, int newRows) {
        return new TerminalInfo(transport, remoteAddress, type, newColumns, newRows, charset);
    }

    public TerminalInfo withType(String newType) {
        return new TerminalInfo(transport, remoteAddress, newType, columns, rows, charset);
    }

    public TerminalInfo withCharset(Charset newCharset) {
        return new TerminalInfo(transport, remoteAddress, type, columns, rows, newCharset);
    }
}
