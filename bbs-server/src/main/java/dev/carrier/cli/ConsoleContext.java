package dev.carrier.cli;

import dev.carrier.admin.Admin;

/** What the commands ask of the interactive console when they run inside it, instead of the shell. */
interface ConsoleContext {

    /** Asks for a password on the console's terminal, masked. */
    String readPassword(String prompt);

    /** The terminal's width in columns. */
    int width();

    /** Waits until the sysop presses a key, or the feed ends on its own; then stops the feed. */
    void untilKey(Admin.Feed feed) throws InterruptedException;
}
