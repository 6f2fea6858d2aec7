package dev.carrier.chat;

import dev.carrier.session.ScreenFrame;
import dev.carrier.terminal.Ansi;

/**
 * Chat as lines, on a terminal that can erase its current row ({@code /layout plain}, or a
 * window too small for the screen): Enter erases the typed line instead of starting a new one,
 * so the user's own line shows once, as the room sends it back ({@code <alice> hello}); arriving
 * lines replace the input row and the typed text follows them, as everywhere else.
 */
final class ChatLines implements ScreenFrame {

    @Override
    public String beforeText() {
        return "\r" + Ansi.eraseToEnd();
    }

    @Override
    public String afterText(String prompt, String typed) {
        return prompt + typed;
    }

    @Override
    public String enter() {
        return "\r" + Ansi.eraseToEnd();
    }

    @Override
    public String redraw(String prompt, String typed) {
        return "";
    }

    @Override
    public String release() {
        return "";
    }
}
