package dev.carrier.menu;

import java.util.List;
import java.util.Optional;

/**
 * A menu as the sysop wrote it in {@code menus/NAME.yml}.
 *
 * @param screen the text shown instead of the generated list of entries, when the sysop drew one
 */
public record Menu(String name, String title, String prompt, Optional<String> screen, List<MenuEntry> entries) {

    public Optional<MenuEntry> entryFor(char typed) {
        return entries.stream().filter(entry -> entry.matches(typed)).findFirst();
    }

    /** The screen, or a plain list of the entries when the menu has none. */
    public String render() {
        if (screen.isPresent()) return screen.get();
        StringBuilder text = new StringBuilder("\n== ").append(title).append(" ==\n\n");
        for (MenuEntry entry : entries) {
            text.append("  [").append(entry.key()).append("] ").append(entry.label()).append('\n');
        }
        return text.append('\n').toString();
    }
}
