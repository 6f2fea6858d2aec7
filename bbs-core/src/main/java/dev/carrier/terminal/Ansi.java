package dev.carrier.terminal;

import java.util.List;
import java.util.Locale;

/**
 * ANSI colour for the few places that use it (mail, profile), only when the user turned it on;
 * otherwise the text passes unchanged, so plain terminals and transcripts see no escapes.
 */
public final class Ansi {

    private static final String RESET = "\u001b[0m";
    private static final String CSI = "\u001b[";

    /**
     * Terminal types (as TTYPE and TERM name them) that move the cursor, erase and keep a scroll
     * region: the VT100 family and its descendants. "unknown", "dumb", "vt52" and a client that
     * never said stay line terminals.
     */
    private static final List<String> CURSOR_TYPES = List.of("xterm", "ansi", "vt100", "vt102", "vt220",
            "vt320", "vt420", "vt52x", "linux", "screen", "tmux", "rxvt", "putty", "konsole", "cygwin", "gnome",
            "alacritty", "kitty", "foot", "wezterm", "iterm", "eterm", "syncterm", "netrunner", "mintty",
            "st-", "cp437", "ibm437", "pcansi", "scoansi", "qansi");

    private Ansi() {}

    /** Whether the terminal moves its cursor and keeps scroll regions (ECMA-48 CUP, EL, DECSTBM). */
    public static boolean movesCursor(TerminalInfo info) {
        String type = info.type().strip().toLowerCase(Locale.ROOT);
        if (type.equals("st")) return true;
        for (String known : CURSOR_TYPES) {
            if (type.startsWith(known)) return true;
        }
        return false;
    }

    /** CUP: the cursor to a 1-based row and column. */
    public static String moveTo(int row, int column) {
        return CSI + row + ";" + column + "H";
    }

    /** EL 0: erases from the cursor to the end of its row. */
    public static String eraseToEnd() {
        return CSI + "K";
    }

    /** ED 0: erases from the cursor to the end of the screen. */
    public static String eraseBelow() {
        return CSI + "J";
    }

    /** ED 2: erases the whole screen; the cursor stays. */
    public static String eraseScreen() {
        return CSI + "2J";
    }

    /** DECSTBM: lines scroll only between the 1-based rows {@code top} and {@code bottom}; homes the cursor. */
    public static String scrollRegion(int top, int bottom) {
        return CSI + top + ";" + bottom + "r";
    }

    /** DECSTBM with no rows: the whole screen scrolls again; homes the cursor. */
    public static String wholeScreenScrolls() {
        return CSI + "r";
    }

    /** DECSC (ESC 7): keeps the cursor's place, for {@link #restoreCursor()}. */
    public static String saveCursor() {
        return "\u001b7";
    }

    /** DECRC (ESC 8). */
    public static String restoreCursor() {
        return "\u001b8";
    }

    /** Reverse video around the text, for bars. */
    public static String inverse(String text) {
        return CSI + "7m" + text + RESET;
    }

    /** Bright text: headings, labels. */
    public static String bold(boolean on, String text) {
        return on ? "\u001b[1m" + text + RESET : text;
    }

    /** Bright yellow: what is new. */
    public static String highlight(boolean on, String text) {
        return on ? "\u001b[1;33m" + text + RESET : text;
    }

    /** Cyan: frames and rules. */
    public static String frame(boolean on, String text) {
        return on ? "\u001b[36m" + text + RESET : text;
    }

    /** A horizontal rule of box-drawing characters, {@code width} wide, with an optional title. */
    public static String rule(String title, int width) {
        String start = title.isEmpty() ? "" : "\u2500\u2500 " + title + " ";
        int rest = Math.max(2, width - start.codePointCount(0, start.length()));
        return start + "\u2500".repeat(rest);
    }
}
