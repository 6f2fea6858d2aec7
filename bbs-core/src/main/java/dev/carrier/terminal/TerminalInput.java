package dev.carrier.terminal;

/**
 * What a transport pushes into a session, always on the terminal's executor and in arrival order.
 */
public interface TerminalInput {

    /**
     * Keystrokes, already decoded from the wire charset and with transport framing removed.
     * Control characters (CR, LF, NUL, BS, DEL, Ctrl-U, Ctrl-D) are passed through as typed: the
     * session's line editor gives them meaning.
     */
    void onText(CharSequence text);

    /** The window changed size. */
    void onResize(int columns, int rows);

    /** The connection is gone or the user interrupted it; called once. */
    void onHangup();

    /** Input for a terminal that was refused (all nodes busy): everything is ignored. */
    TerminalInput IGNORED = new TerminalInput() {
        @Override public void onText(CharSequence text) {}
        @Override public void onResize(int columns, int rows) {}
        @Override public void onHangup() {}
    };
}
