package dev.carrier.menu;

import java.util.Map;
import java.util.Optional;

/** Every menu reachable from {@code main}, and the banner, loaded and checked at start-up. */
public record Menus(Map<String, Menu> byName, String banner) {

    public static final String MAIN = "main";

    public Menu main() {
        return byName.get(MAIN);
    }

    public Optional<Menu> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
