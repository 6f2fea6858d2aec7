package dev.carrier.session;

import dev.carrier.text.TextCleaner;
import java.time.Clock;

/**
 * Server-side line discipline, shared by every transport: echo, erase, kill, masking, a bound on
 * line length, and the many ways clients end a line (CR LF, CR NUL, CR alone, bare LF). Arrow
 * keys, function keys and Alt chords are dropped; no escape sequence outlives an Enter, its bound
 * or a short pause (see {@link KeyEscapes}), so no key can make the editor swallow a line.
 *
 * <p>Not thread-safe: a session feeds it on its own executor, one character at a time, so that a
 * completed line can change the mode before the next character (a typed-ahead password stays
 * masked).
 */
final class LineEditor {

    /** Where the editor's results go. */
    public interface Sink {
        void line(String line);

        void key(char key);

        /** Echo and editing feedback for the user's own screen. */
        void echo(String text);

        /** The line reached its bound; the rest of it is being dropped. */
        void overflow(int maxLength);
    }

    private static final String ERASE = "\b \b";

    private final int defaultMaxLength;
    private int maxLength;
    private final Sink sink;
    private InputMode mode = InputMode.LINE;
    private boolean echo = true;
    private String enterEcho = "\n";
    private StringBuilder buffer;
    private boolean afterCr;
    private boolean swallowTerminator;
    private boolean overflowed;
    private final KeyEscapes escapes;

    /** An editor whose escape sequences time out by {@code clock}. */
    public LineEditor(int maxLength, Sink sink, Clock clock) {
        this.defaultMaxLength = maxLength;
        this.maxLength = maxLength;
        this.sink = sink;
        this.escapes = new KeyEscapes(clock);
    }

    public LineEditor(int maxLength, Sink sink) {
        this(maxLength, sink, Clock.systemUTC());
    }

    public void mode(InputMode newMode) {
        mode(newMode, defaultMaxLength);
    }

    /** A mode whose lines may be longer (or shorter) than usual, for one prompt that needs it. */
    public void mode(InputMode newMode, int lineLimit) {
        mode = newMode;
        maxLength = lineLimit;
    }

    public InputMode mode() {
        return mode;
    }

    /** Whether the server echoes; off for clients that echo locally. */
    public void echo(boolean on) {
        echo = on;
    }

    /** What Enter echoes: a new line, unless the screen draws the finished line itself. */
    public void enterEcho(String text) {
        enterEcho = text;
    }

    /** What is typed so far on the current line. */
    public String pending() {
        return buffer == null ? "" : buffer.toString();
    }

    /** Empties the current line without a word on screen, and returns what was typed on it. */
    public String takePending() {
        String text = pending();
        if (buffer != null) buffer.setLength(0);
        return text;
    }

    /** The pending line as the user sees it on screen (masked when masked). */
    public String pendingAsShown() {
        String text = pending();
        return mode == InputMode.MASKED ? "*".repeat(text.codePointCount(0, text.length())) : text;
    }

    /**
     * A new burst of input arrived. A line-mode client sends a menu key and its Enter together
     * ({@code w\r\n}); a character-mode client sends the key at once and a later Enter means
     * something new, so the Enter is swallowed only within the burst of its key.
     */
    public void newBurst() {
        swallowTerminator = false;
    }

    public void accept(char c) {
        if (escapes.swallow(c)) {
            return;
        }
        boolean wasAfterCr = afterCr;
        afterCr = false;
        switch (c) {
            case '\r' -> {
                afterCr = true;
                endOfLine();
            }
            case '\n' -> {
                if (!wasAfterCr) endOfLine();
            }
            case '\0' -> { /* CR NUL is a bare CR; a lone NUL means nothing */ }
            case '\b', 0x7f, 0x04 -> erase();
            case 0x15 -> kill();
            case 0x17 -> eraseWord();
            case '\t' -> printable(' ');
            default -> {
                // Controls never enter a line; the joiner and surrogate halves may be parts of an
                // emoji, which the cleaner judges whole before anyone else sees the text.
                if (TextCleaner.isUnsafe(c) && c != '\u200d' && !Character.isSurrogate(c)) return;
                printable(c);
            }
        }
    }

    private void endOfLine() {
        if (swallowTerminator) {
            swallowTerminator = false;
            return;
        }
        String line = pending();
        buffer = null;
        overflowed = false;
        if (echo) sink.echo(enterEcho);
        sink.line(line);
    }

    private void printable(char c) {
        swallowTerminator = false;
        if (mode == InputMode.HOTKEY && (buffer == null || buffer.length() == 0)) {
            swallowTerminator = true;
            if (echo) sink.echo(String.valueOf(c) + "\n");
            sink.key(c);
            return;
        }
        if (buffer == null) buffer = new StringBuilder();
        if (buffer.length() >= maxLength) {
            if (!overflowed) {
                overflowed = true;
                sink.overflow(maxLength);
            }
            return;
        }
        buffer.append(c);
        if (echo) sink.echo(mode == InputMode.MASKED ? "*" : String.valueOf(c));
    }

    private void erase() {
        swallowTerminator = false;
        if (buffer == null || buffer.length() == 0) return;
        int end = buffer.length();
        int start = Character.isLowSurrogate(buffer.charAt(end - 1)) && end >= 2 ? end - 2 : end - 1;
        buffer.setLength(start);
        if (echo) sink.echo(ERASE);
    }

    private void kill() {
        swallowTerminator = false;
        if (buffer == null) return;
        int shown = buffer.codePointCount(0, buffer.length());
        buffer.setLength(0);
        if (echo && shown > 0) sink.echo(ERASE.repeat(shown));
    }

    private void eraseWord() {
        swallowTerminator = false;
        if (buffer == null) return;
        int end = buffer.length();
        int start = end;
        while (start > 0 && buffer.charAt(start - 1) == ' ') start--;
        while (start > 0 && buffer.charAt(start - 1) != ' ') start--;
        int shown = buffer.codePointCount(start, end);
        buffer.setLength(start);
        if (echo && shown > 0) sink.echo(ERASE.repeat(shown));
    }
}
