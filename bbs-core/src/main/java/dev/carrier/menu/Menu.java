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

    /** The entry for a key as a user with or without sysop rights may pick it. */
    public Optional<MenuEntry> entryFor(char typed, boolean userIsSysop) {
        return entryFor(typed).filter(entry -> entry.offeredTo(userIsSysop));
    }

    /** The screen, or a plain list of the entries when the menu has none, as everyone sees it. */
    public String render() {
        return render(false);
    }

    /**
     * The screen, or a plain list of the entries when the menu has none; sysop entries are listed
     * only for sysops. (A drawn screen shows what the sysop drew, for everyone alike.)
     */
    public String render(boolean userIsSysop) {
        if (screen.isPresent()) return screen.get();
        StringBuilder text = new StringBuilder("\n== ").append(title).append(" ==\n\n");
        for (MenuEntry entry : entries) {
            if (!entry.offeredTo(userIsSysop)) continue;
            text.append("  [").append(entry.key()).append("] ").append(entry.label()).append('\n');
        }
        return text.append('\n').toString();
    }
}
