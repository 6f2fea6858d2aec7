package dev.carrier.session;

import java.time.Clock;

/**
 * Recognises, one character at a time, the escape sequences a keyboard sends, so the line editor
 * can drop them: CSI ({@code ESC [} or C1 {@code 0x9b}) up to its final byte, SS3
 * ({@code ESC O x}), and Alt chords ({@code ESC} and any other character). A keyboard never sends
 * the string commands (DCS, OSC, SOS, PM, APC), so {@code ESC P}, {@code ESC ]}, {@code ESC X},
 * {@code ESC ^} and {@code ESC _} are Alt chords too; only their one-character C1 forms start a
 * string, which ends at BEL or ST.
 *
 * <p>Nothing here can swallow a line: every sequence ends at CR or LF (which is then an Enter), at
 * a bound on its length, and when its next character comes more than {@link #TIMEOUT_MILLIS}
 * after it began (a lone Escape key, then typing).
 *
 * <p>Not thread-safe: one per line editor.
 */
final class KeyEscapes {

    /** A terminal sends a whole sequence at once; a later key is the user typing again. */
    static final long TIMEOUT_MILLIS = 100;
    /** Parameters and intermediates of a CSI sequence; real keys use fewer than ten. */
    static final int MAX_CSI = 32;
    /** A C1 string command; nothing a keyboard sends. */
    static final int MAX_STRING = 64;

    private static final char ESC = 0x1b;

    private enum State { TEXT, ESC, ALT_PAIR, CSI, SS3, STRING, STRING_ESC }

    private final Clock clock;
    private State state = State.TEXT;
    private int length;
    private long startedAt;

    KeyEscapes(Clock clock) {
        this.clock = clock;
    }

    /** True when {@code c} belongs to an escape sequence or Alt chord and must be dropped. */
    boolean swallow(char c) {
        if (state != State.TEXT && (c == '\r' || c == '\n' || clock.millis() - startedAt > TIMEOUT_MILLIS)) {
            state = State.TEXT;
        }
        return switch (state) {
            case TEXT -> startsSequence(c);
            case ESC -> afterEscape(c);
            case ALT_PAIR -> {
                state = State.TEXT;
                yield Character.isLowSurrogate(c) || startsSequence(c);
            }
            case CSI -> {
                if ((c >= 0x40 && c <= 0x7e) || ++length > MAX_CSI) state = State.TEXT;
                yield true;
            }
            case SS3 -> {
                state = State.TEXT;
                yield true;
            }
            case STRING -> {
                if (c == 0x07 || c == 0x9c || ++length > MAX_STRING) state = State.TEXT;
                else if (c == ESC) state = State.STRING_ESC;
                yield true;
            }
            case STRING_ESC -> {
                state = c == '\\' ? State.TEXT : State.STRING;
                yield true;
            }
        };
    }

    /** Whether the editor is inside a sequence; for tests. */
    boolean inSequence() {
        return state != State.TEXT;
    }

    private boolean startsSequence(char c) {
        switch (c) {
            case ESC -> begin(State.ESC);
            case 0x9b -> begin(State.CSI);
            case 0x90, 0x98, 0x9d, 0x9e, 0x9f -> begin(State.STRING);
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean afterEscape(char c) {
        switch (c) {
            case '[' -> begin(State.CSI);
            case 'O' -> begin(State.SS3);
            case ESC -> begin(State.ESC); // Escape pressed twice: the second may start a sequence
            default -> state = Character.isHighSurrogate(c) ? State.ALT_PAIR : State.TEXT; // an Alt chord
        }
        return true;
    }

    private void begin(State next) {
        if (state == State.TEXT) startedAt = clock.millis();
        state = next;
        length = 0;
    }
}
