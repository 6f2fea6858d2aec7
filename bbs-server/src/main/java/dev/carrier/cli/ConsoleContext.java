package dev.carrier.cli;

import dev.carrier.admin.Admin;
import java.util.Optional;

/** What the commands ask of the interactive console when they run inside it, instead of the shell. */
interface ConsoleContext {

    /** Asks for a password on the console's terminal, masked. */
    String readPassword(String prompt);

    /** Reads a line typed at the console; empty at the end of input (Ctrl-D, Ctrl-C). */
    Optional<String> readLine(String prompt);

    /** The terminal's width in columns. */
    int width();

    /** Waits until the sysop presses a key, or the feed ends on its own; then stops the feed. */
    void untilKey(Admin.Feed feed) throws InterruptedException;
}
