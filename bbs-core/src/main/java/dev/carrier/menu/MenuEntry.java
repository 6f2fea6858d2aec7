package dev.carrier.menu;

import java.util.Optional;

/**
 * One choice on a menu: a key that opens a service or another menu.
 *
 * @param line  where the entry stands in its file, for error messages
 * @param sysop shown to and taken from sysops only ({@code sysop: true} in the file)
 * @param place where the service opens ({@code room: games} for chat), if the entry names one
 */
record MenuEntry(char key, String label, Optional<String> service, Optional<String> menu, int line,
        boolean sysop, Optional<String> place) {

    /** Whether a user with or without sysop rights may see and pick this entry. */
    public boolean offeredTo(boolean userIsSysop) {
        return !sysop || userIsSysop;
    }

    public boolean matches(char typed) {
        return Character.toUpperCase(typed) == Character.toUpperCase(key);
    }
}
