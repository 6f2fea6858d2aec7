package dev.carrier.chat;

import dev.carrier.session.ScreenFrame;
import dev.carrier.terminal.Ansi;
import dev.carrier.terminal.Terminal;
import java.util.function.Supplier;

/**
 * Chat's split screen on a terminal that moves its cursor:
 *
 * <pre>
 *   rows 1 .. H-2   the room: a scroll region (DECSTBM); lines enter at its bottom row, and
 *                   the line feed that ends each scrolls it up, so row H-2 stays a blank gap
 *   row  H-1        the status bar, in reverse video
 *   row  H          the input line: the prompt and what is typed
 * </pre>
 *
 * The input row lies below the region, so the editor's echo never scrolls the room, and a line
 * feed there (the last row, outside the region) moves nothing. Arriving text goes to the region's
 * bottom row and ends with a line feed that scrolls the region alone; then the input line is drawn
 * again. Enter clears the input line: the room sends the user's own line back, rendered, once.
 *
 * <p>Reads the size from the terminal at each call, so a resize only needs {@link #redraw}.
 */
final class ChatScreen implements ScreenFrame {

    /** Below this the room would have less than three rows: chat falls back to plain lines. */
    static final int MIN_ROWS = 5;
    static final int MIN_COLUMNS = 20;

    private final Terminal terminal;
    private final Supplier<String> status;

    /** {@code status} gives the bar's text; it is clipped or padded to the width. */
    ChatScreen(Terminal terminal, Supplier<String> status) {
        this.terminal = terminal;
        this.status = status;
    }

    static boolean fits(Terminal terminal) {
        return terminal.info().rows() >= MIN_ROWS && terminal.info().columns() >= MIN_COLUMNS;
    }

    private int rows() {
        return terminal.info().rows();
    }

    @Override
    public String beforeText() {
        return Ansi.moveTo(rows() - 2, 1);
    }

    @Override
    public String afterText(String prompt, String typed) {
        return Ansi.moveTo(rows(), 1) + Ansi.eraseToEnd() + prompt + typed;
    }

    @Override
    public String enter() {
        return "\r" + Ansi.eraseToEnd();
    }

    @Override
    public String redraw(String prompt, String typed) {
        return Ansi.wholeScreenScrolls() + Ansi.eraseScreen() + Ansi.scrollRegion(1, rows() - 2)
                + bar() + afterText(prompt, typed);
    }

    /** The status bar drawn again, the cursor left where it was (on the input line). */
    String statusBar() {
        return Ansi.saveCursor() + bar() + Ansi.restoreCursor();
    }

    private String bar() {
        int width = terminal.info().columns();
        String text = status.get();
        if (text.length() > width) text = text.substring(0, width);
        return Ansi.moveTo(rows() - 1, 1) + Ansi.inverse(text + " ".repeat(width - text.length()));
    }

    @Override
    public String release() {
        // The room's lines stay readable above; the bar and the input line go, and so does the region.
        return Ansi.wholeScreenScrolls() + Ansi.moveTo(rows() - 1, 1) + Ansi.eraseBelow();
    }
}
