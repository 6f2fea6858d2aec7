package dev.carrier.mail;

import dev.carrier.session.InputMode;
import dev.carrier.session.Session;
import dev.carrier.terminal.Ansi;
import java.util.List;

/**
 * Shows text a screen at a time: as many lines as fit the user's screen height (their profile's
 * choice, else the terminal's report, 24 when unknown) less one for a more-prompt, counting a
 * line longer than the screen is wide as the rows it wraps to.
 *
 * <p>A stage that pages hands its input here while {@link #active()}. Runs on the session's
 * executor, like the stage that owns it.
 */
final class Pager {

    static final String MORE = "-- More";

    private final Session session;
    private List<String> lines = List.of();
    private int next;
    private Runnable then;

    public Pager(Session session) {
        this.session = session;
    }

    /** Shows the lines, pausing after each screenful; runs {@code whenDone} after the last (or on Q). */
    public void show(List<String> text, Runnable whenDone) {
        lines = List.copyOf(text);
        next = 0;
        then = whenDone;
        page();
    }

    /** Whether a more-prompt is waiting for a key. */
    public boolean active() {
        return then != null;
    }

    /** Q (or N) stops; any other key shows the next screenful. */
    public void onKey(char key) {
        if (!active()) return;
        if (key == 'q' || key == 'Q' || key == 'n' || key == 'N') {
            finish();
        } else {
            page();
        }
    }

    /** Enter alone shows the next screenful. */
    public void onLine(String line) {
        if (!active()) return;
        if (line.isBlank()) {
            page();
        } else {
            onKey(line.strip().charAt(0));
        }
    }

    private void page() {
        int room = Math.max(1, session.screenRows() - 1);
        int columns = session.terminal().info().columns();
        StringBuilder out = new StringBuilder();
        int used = 0;
        while (next < lines.size()) {
            int rows = rowsOf(lines.get(next), columns);
            if (used > 0 && used + rows > room) break;
            out.append(lines.get(next++)).append('\n');
            used += rows;
        }
        session.write(out.toString());
        if (next >= lines.size()) {
            finish();
        } else {
            int percent = next * 100 / lines.size();
            session.prompt(Ansi.highlight(session.colour(), MORE + " (" + percent + "%): Enter for more, Q to stop --")
                    + " ", InputMode.HOTKEY);
        }
    }

    /** How many screen rows a line takes on a terminal {@code columns} wide. */
    static int rowsOf(String line, int columns) {
        int width = line.codePointCount(0, line.length());
        return Math.max(1, (width + columns - 1) / columns);
    }

    private void finish() {
        Runnable done = then;
        then = null;
        lines = List.of();
        next = 0;
        if (done != null) done.run();
    }
}
