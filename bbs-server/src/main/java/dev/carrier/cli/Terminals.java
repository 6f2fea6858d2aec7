package dev.carrier.cli;

import java.io.IOException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** The sysop's own terminal, as far as the one-shot commands need it. */
final class Terminals {

    private Terminals() {}

    /** The width of the terminal this program runs in, or 0 when it cannot be told. */
    static int systemWidth() {
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
            int width = terminal.getWidth();
            return width > 0 ? width : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
