package dev.carrier.menu;

import java.util.Optional;

/**
 * One choice on a menu: a key that opens a service or another menu.
 *
 * @param line where the entry stands in its file, for error messages
 */
public record MenuEntry(char key, String label, Optional<String> service, Optional<String> menu, int line) {

    public boolean matches(char typed) {
        return Character.toUpperCase(typed) == Character.toUpperCase(key);
    }
}
