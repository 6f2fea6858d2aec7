package dev.carrier.terminal;

import java.util.ArrayList;
import java.util.List;

/**
 * A small VT100/xterm screen for tests: feed it the text a terminal receives and assert on rows
 * and the cursor. Written against ECMA-48 and xterm's documented behaviour, sharing nothing with
 * the server's code, so that a wrong escape on one side is not mirrored on the other.
 *
 * <p>Understood: printable characters with xterm's deferred wrap, CR, LF/VT/FF, BS, HT; ESC 7/8
 * (DECSC/DECRC), ESC D/E/M (IND/NEL/RI), ESC c; CSI A/B/C/D (CUU/CUD/CUF/CUB, stopping at the
 * scroll margins as xterm does), H/f (CUP), G (CHA), d (VPA), J (ED), K (EL), r (DECSTBM), s/u,
 * S/T (SU/SD). SGR and modes are read and ignored; every character is one column wide.
 *
 * <p>A line feed at the bottom margin scrolls the region; a line feed on the screen's last row
 * below the region does nothing, as in xterm. Not thread-safe.
 */
public final class ScreenModel {

    private enum State { GROUND, ESC, CSI, STRING }

    private int columns;
    private int rows;
    private char[][] cells;
    private int row;
    private int column;
    private boolean wrapPending;
    private int top;
    private int bottom;
    private int savedRow;
    private int savedColumn;
    private State state = State.GROUND;
    private final StringBuilder params = new StringBuilder();
    private boolean stringEsc;
    private int scrolledOff;

    public ScreenModel(int columns, int rows) {
        this.columns = columns;
        this.rows = rows;
        this.cells = blank(columns, rows);
        this.top = 0;
        this.bottom = rows - 1;
    }

    /** Takes what the terminal received, in order. */
    public ScreenModel feed(CharSequence text) {
        for (int i = 0; i < text.length(); i++) accept(text.charAt(i));
        return this;
    }

    /**
     * The window changed size, as xterm does it: content kept from the top left, the scroll
     * region reset to the whole screen, the cursor kept inside.
     */
    public void resize(int newColumns, int newRows) {
        char[][] next = blank(newColumns, newRows);
        for (int r = 0; r < Math.min(rows, newRows); r++) {
            System.arraycopy(cells[r], 0, next[r], 0, Math.min(columns, newColumns));
        }
        columns = newColumns;
        rows = newRows;
        cells = next;
        top = 0;
        bottom = rows - 1;
        row = Math.min(row, rows - 1);
        column = Math.min(column, columns - 1);
        wrapPending = false;
    }

    // ---- what a test reads ----

    /** Row {@code n} (1-based, as in CUP), trailing blanks removed. */
    public String row(int n) {
        return new String(cells[n - 1]).stripTrailing();
    }

    /** Every row, top to bottom, trailing blanks removed. */
    public List<String> lines() {
        List<String> all = new ArrayList<>(rows);
        for (int r = 1; r <= rows; r++) all.add(row(r));
        return all;
    }

    /** The 1-based row of the cursor. */
    public int cursorRow() {
        return row + 1;
    }

    /** The 1-based column of the cursor. */
    public int cursorColumn() {
        return column + 1;
    }

    /** The scroll region's 1-based top and bottom rows. */
    public int[] scrollRegion() {
        return new int[] {top + 1, bottom + 1};
    }

    /** Whether the scroll region is the whole screen (no DECSTBM in force). */
    public boolean wholeScreenScrolls() {
        return top == 0 && bottom == rows - 1;
    }

    /** How many rows scrolled off the top of the whole screen (not of a smaller region). */
    public int scrolledOff() {
        return scrolledOff;
    }

    /** How many rows show {@code text} somewhere in them. */
    public int count(String text) {
        int n = 0;
        for (String line : lines()) if (line.contains(text)) n++;
        return n;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int r = 1; r <= rows; r++) sb.append(String.format("%2d|%s%n", r, row(r)));
        sb.append("cursor ").append(cursorRow()).append(',').append(cursorColumn())
                .append(" region ").append(top + 1).append('-').append(bottom + 1);
        return sb.toString();
    }

    // ---- the state machine ----

    private void accept(char c) {
        switch (state) {
            case GROUND -> ground(c);
            case ESC -> escape(c);
            case CSI -> csi(c);
            case STRING -> {
                // OSC, DCS and the like: swallowed up to BEL or ST.
                if (c == 0x07 || (stringEsc && c == '\\')) state = State.GROUND;
                stringEsc = c == 0x1b;
            }
        }
    }

    private void ground(char c) {
        switch (c) {
            case 0x1b -> state = State.ESC;
            case '\r' -> {
                column = 0;
                wrapPending = false;
            }
            case '\n', 0x0b, 0x0c -> {
                index();
                wrapPending = false;
            }
            case '\b' -> {
                if (column > 0) column--;
                wrapPending = false;
            }
            case '\t' -> column = Math.min(columns - 1, (column / 8 + 1) * 8);
            default -> {
                if (c < 0x20 || c == 0x7f) return;
                print(c);
            }
        }
    }

    private void print(char c) {
        if (wrapPending) {
            column = 0;
            index();
            wrapPending = false;
        }
        cells[row][column] = c;
        if (column == columns - 1) wrapPending = true;
        else column++;
    }

    private void escape(char c) {
        state = State.GROUND;
        switch (c) {
            case '[' -> {
                params.setLength(0);
                state = State.CSI;
            }
            case ']', 'P', '_', '^' -> {
                stringEsc = false;
                state = State.STRING;
            }
            case '7' -> save();
            case '8' -> restore();
            case 'D' -> index();
            case 'E' -> {
                column = 0;
                index();
            }
            case 'M' -> reverseIndex();
            case 'c' -> {
                cells = blank(columns, rows);
                row = column = 0;
                top = 0;
                bottom = rows - 1;
                wrapPending = false;
            }
            default -> { /* charset designations and the like: ignored */ }
        }
    }

    private void csi(char c) {
        if (c >= 0x30 && c <= 0x3f || c >= 0x20 && c <= 0x2f) {
            if (params.length() < 64) params.append(c);
            return;
        }
        state = State.GROUND;
        if (params.length() > 0 && params.charAt(0) == '?' || params.length() > 0 && params.charAt(0) == '>') {
            return; // private modes (DECSET, cursor visibility): no effect on what the screen shows
        }
        int[] p = numbers(params.toString());
        int n = Math.max(1, p[0]);
        wrapPending = false;
        switch (c) {
            case 'A' -> row = row >= top ? Math.max(top, row - n) : Math.max(0, row - n);
            case 'B' -> row = row <= bottom ? Math.min(bottom, row + n) : Math.min(rows - 1, row + n);
            case 'C' -> column = Math.min(columns - 1, column + n);
            case 'D' -> column = Math.max(0, column - n);
            case 'H', 'f' -> {
                row = clamp(Math.max(1, p[0]) - 1, rows);
                column = clamp(Math.max(1, p[1]) - 1, columns);
            }
            case 'G' -> column = clamp(n - 1, columns);
            case 'd' -> row = clamp(n - 1, rows);
            case 'J' -> eraseDisplay(p[0]);
            case 'K' -> eraseLine(p[0]);
            case 'r' -> {
                int newTop = Math.max(1, p[0]) - 1;
                int newBottom = (p[1] == 0 ? rows : Math.min(p[1], rows)) - 1;
                if (newTop < newBottom) {
                    top = newTop;
                    bottom = newBottom;
                    row = 0;
                    column = 0;
                }
            }
            case 's' -> save();
            case 'u' -> restore();
            case 'S' -> {
                for (int i = 0; i < n; i++) scrollUp();
            }
            case 'T' -> {
                for (int i = 0; i < n; i++) scrollDown();
            }
            default -> { /* SGR (m) and everything else: ignored */ }
        }
    }

    private static int[] numbers(String text) {
        int[] values = new int[16];
        int i = 0;
        for (String part : text.split(";", -1)) {
            if (i == values.length) break;
            values[i++] = part.isEmpty() || !part.chars().allMatch(Character::isDigit) ? 0 : Integer.parseInt(part);
        }
        return values;
    }

    private static int clamp(int value, int size) {
        return Math.max(0, Math.min(size - 1, value));
    }

    private void save() {
        savedRow = row;
        savedColumn = column;
    }

    private void restore() {
        row = savedRow;
        column = savedColumn;
        wrapPending = false;
    }

    /** LF: down a row; at the bottom margin the region scrolls; below the region at the last row, nothing. */
    private void index() {
        if (row == bottom) scrollUp();
        else if (row < rows - 1) row++;
    }

    private void reverseIndex() {
        if (row == top) scrollDown();
        else if (row > 0) row--;
    }

    private void scrollUp() {
        if (top == 0 && bottom == rows - 1) scrolledOff++;
        for (int r = top; r < bottom; r++) cells[r] = cells[r + 1];
        cells[bottom] = blankRow(columns);
    }

    private void scrollDown() {
        for (int r = bottom; r > top; r--) cells[r] = cells[r - 1];
        cells[top] = blankRow(columns);
    }

    private void eraseDisplay(int how) {
        switch (how) {
            case 0 -> {
                eraseLine(0);
                for (int r = row + 1; r < rows; r++) cells[r] = blankRow(columns);
            }
            case 1 -> {
                eraseLine(1);
                for (int r = 0; r < row; r++) cells[r] = blankRow(columns);
            }
            default -> cells = blank(columns, rows);
        }
    }

    private void eraseLine(int how) {
        int from = how == 0 ? column : 0;
        int to = how == 1 ? column : columns - 1;
        for (int col = from; col <= to; col++) cells[row][col] = ' ';
    }

    private static char[][] blank(int columns, int rows) {
        char[][] all = new char[rows][];
        for (int r = 0; r < rows; r++) all[r] = blankRow(columns);
        return all;
    }

    private static char[] blankRow(int columns) {
        char[] line = new char[columns];
        java.util.Arrays.fill(line, ' ');
        return line;
    }
}
