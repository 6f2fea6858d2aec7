package dev.carrier.text;

/**
 * Recognises terminal escape sequences one character at a time, so they can be dropped: CSI
 * ({@code ESC [} or C1 {@code 0x9b}) up to its final byte, SS3 ({@code ESC O x}), string
 * commands (OSC {@code ESC ]}, DCS, SOS, PM, APC) up to BEL or ST, and two-character
 * {@code ESC x}. A string that never ends is given up after a bound, so nothing waits forever.
 *
 * <p>Used by the text cleaner, so nobody can send another user's terminal a sequence. (The line
 * editor reads keys instead, where {@code ESC P} is Alt-P, not the start of a string.) Not
 * thread-safe; one per stream.
 */
final class EscapeFilter {

    private static final int MAX_STRING = 512;

    private enum State { TEXT, ESC, CSI, SS3, STRING, STRING_ESC }

    private State state = State.TEXT;
    private int length;

    /** True when {@code c} belongs to an escape sequence and must be dropped. */
    public boolean swallow(char c) {
        switch (state) {
            case TEXT -> {
                if (c == 0x1b) {
                    state = State.ESC;
                    return true;
                }
                if (c == 0x9b) {
                    enter(State.CSI);
                    return true;
                }
                if (c == 0x9d || c == 0x90) {
                    enter(State.STRING);
                    return true;
                }
                return false;
            }
            case ESC -> {
                switch (c) {
                    case '[' -> enter(State.CSI);
                    case 'O' -> enter(State.SS3);
                    case ']', 'P', 'X', '^', '_' -> enter(State.STRING);
                    default -> state = State.TEXT;
                }
                return true;
            }
            case CSI -> {
                if ((c >= 0x40 && c <= 0x7e) || ++length > MAX_STRING) state = State.TEXT;
                return true;
            }
            case SS3 -> {
                state = State.TEXT;
                return true;
            }
            case STRING -> {
                if (c == 0x07 || c == 0x9c || ++length > MAX_STRING) state = State.TEXT;
                else if (c == 0x1b) state = State.STRING_ESC;
                return true;
            }
            case STRING_ESC -> {
                state = c == '\\' ? State.TEXT : State.STRING;
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void enter(State next) {
        state = next;
        length = 0;
    }
}
