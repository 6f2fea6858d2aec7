package dev.carrier.menu;

import java.util.Optional;

/**
 * One choice on a menu: a key that opens a service or another menu.
 *
 * @param line  where the entry stands in its file, for error messages
 * @param sysop shown to and taken from sysops only ({@code sysop: true} in the file)
 */
record MenuEntry(char key, String label, Optional<String> service, Optional<String> menu, int line,
        boolean sysop) {

    /** Whether a user with or without sysop rights may see and pick this entry. */
    public boolean offeredTo(boolean userIsSysop) {
        return !sysop || userIsSysop;
    }

    public boolean matches(char typed) {
        return Character.toUpperCase(typed) == Character.toUpperCase(key);
    }
}
