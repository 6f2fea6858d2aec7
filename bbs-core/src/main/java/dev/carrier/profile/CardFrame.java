package dev.carrier.profile;

import dev.carrier.session.Session;
import dev.carrier.terminal.Ansi;

/** How the profile's screens frame their rows: a titled rule above, a plain one below, as wide as the terminal allows (80 at most). */
final class CardFrame {

    private CardFrame() {}

    /** {@code rows} (each ending in a new line) between the rules, for this session's terminal and colour choice. */
    static String around(Session session, String title, CharSequence rows) {
        boolean colour = session.colour();
        int width = Math.max(20, Math.min(session.terminal().info().columns(), 80) - 1);
        return "\n" + Ansi.frame(colour, Ansi.rule(title, width)) + "\n" + rows + Ansi.frame(colour, Ansi.rule("", width))
                + "\n";
    }
}
