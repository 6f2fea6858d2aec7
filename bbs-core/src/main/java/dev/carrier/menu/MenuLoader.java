package dev.carrier.menu;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads {@code main.yml} and every menu it leads to, with their screens, and refuses to start on
 * anything it cannot serve: a missing file, an unknown service, a key used twice. Each complaint
 * names the file and the line.
 *
 * <p>A menu file:
 * <pre>
 * title: Main Menu
 * prompt: "Main menu: "
 * screen: main.ans        # optional, drawn instead of the list of entries
 * entries:
 *   - { key: C, label: Chat, service: __chat__ }
 *   - { key: X, label: Extras, menu: extras }   # another menu file, extras.yml
 *   - { key: R, label: Games, service: __chat__, room: games }   # chat, straight into #games
 *   - { key: S, label: Sysop, service: __sysop__, sysop: true }   # listed for sysops only
 * </pre>
 * Screens ending in {@code .ans} are read as CP437, as ANSI artists draw them; others as UTF-8.
 */
public final class MenuLoader {

    private static final Charset CP437 = Charset.forName("IBM437");
    private static final String DEFAULT_BANNER = "\nWelcome to {bbs}, node {node}.\n\n";

    private final MenuSource source;
    private final Set<String> knownServices;
    private final BiFunction<String, String, Optional<String>> placeRefusal;
    private final YAMLMapper yaml = new YAMLMapper();

    public MenuLoader(MenuSource source, Set<String> knownServices) {
        this(source, knownServices, (service, place) -> Optional.of("service " + service + " opens at no named place"));
    }

    /**
     * @param placeRefusal why an entry may not open a service at the place it names ({@code room: games}):
     *                     empty when it may
     */
    public MenuLoader(MenuSource source, Set<String> knownServices,
            BiFunction<String, String, Optional<String>> placeRefusal) {
        this.placeRefusal = placeRefusal;
        this.source = source;
        this.knownServices = Set.copyOf(knownServices);
    }

    public Menus load() {
        Map<String, Menu> menus = new LinkedHashMap<>();
        Deque<String> toLoad = new ArrayDeque<>(List.of(Menus.MAIN));
        while (!toLoad.isEmpty()) {
            String name = toLoad.pop();
            if (menus.containsKey(name)) continue;
            Menu menu = loadMenu(name);
            menus.put(name, menu);
            menu.entries().forEach(entry -> entry.menu().ifPresent(toLoad::push));
        }
        String banner = source.read("banner.txt").map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElse(DEFAULT_BANNER);
        return new Menus(Map.copyOf(menus), banner);
    }

    private Menu loadMenu(String name) {
        String file = name + ".yml";
        byte[] bytes = source.read(file)
                .orElseThrow(() -> new MenuException(source.describe(file) + ": no such menu file"));
        String title = name;
        String prompt = "Command: ";
        Optional<String> screen = Optional.empty();
        List<MenuEntry> entries = new ArrayList<>();
        try (JsonParser parser = yaml.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw problem(file, parser, "a menu file must be a mapping with title, prompt and entries");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "title" -> title = text(file, parser, field);
                    case "prompt" -> prompt = text(file, parser, field);
                    case "screen" -> screen = Optional.of(screen(file, parser, text(file, parser, field)));
                    case "entries" -> readEntries(file, parser, entries);
                    default -> throw problem(file, parser, "unknown field '" + field
                            + "' (expected title, prompt, screen or entries)");
                }
            }
        } catch (IOException e) {
            throw new MenuException(source.describe(file) + ": not valid YAML: " + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new MenuException(source.describe(file) + ": the menu has no entries");
        }
        return new Menu(name, title, prompt, screen, List.copyOf(entries));
    }

    private void readEntries(String file, JsonParser parser, List<MenuEntry> entries) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw problem(file, parser, "entries must be a list");
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            int line = parser.currentTokenLocation().getLineNr();
            JsonNode node = parser.readValueAsTree();
            MenuEntry entry = entry(file, line, node);
            for (MenuEntry other : entries) {
                if (other.matches(entry.key())) {
                    throw new MenuException(at(file, line) + "key " + entry.key()
                            + " is already used on line " + other.line());
                }
            }
            entries.add(entry);
        }
    }

    private MenuEntry entry(String file, int line, JsonNode node) {
        String key = node.path("key").asText("");
        if (key.length() != 1 || Character.isWhitespace(key.charAt(0))) {
            throw new MenuException(at(file, line) + "key must be a single character");
        }
        String label = node.path("label").asText("");
        if (label.isBlank()) throw new MenuException(at(file, line) + "entry " + key + " needs a label");
        Optional<String> service = optionalText(node, "service");
        Optional<String> menu = optionalText(node, "menu");
        if (service.isPresent() == menu.isPresent()) {
            throw new MenuException(at(file, line) + "entry " + key + " needs either a service or a menu");
        }
        if (service.isPresent() && !knownServices.contains(service.get())) {
            throw new MenuException(at(file, line) + "unknown service " + service.get()
                    + " (this server offers " + String.join(", ", knownServices) + ")");
        }
        if (menu.isPresent() && source.read(menu.get() + ".yml").isEmpty()) {
            throw new MenuException(at(file, line) + "menu " + menu.get() + " has no file "
                    + source.describe(menu.get() + ".yml"));
        }
        Optional<String> place = optionalText(node, "room");
        if (place.isPresent() && service.isEmpty()) {
            throw new MenuException(at(file, line) + "entry " + key + ": room needs a service (__chat__)");
        }
        if (place.isPresent()) {
            Optional<String> refused = placeRefusal.apply(service.get(), place.get());
            if (refused.isPresent()) throw new MenuException(at(file, line) + "entry " + key + ": " + refused.get());
        }
        JsonNode sysop = node.get("sysop");
        if (sysop != null && !sysop.isBoolean()) {
            throw new MenuException(at(file, line) + "entry " + key + ": sysop must be true or false");
        }
        return new MenuEntry(key.charAt(0), label, service, menu, line, sysop != null && sysop.booleanValue(), place);
    }

    private String screen(String file, JsonParser parser, String screenFile) {
        byte[] bytes = source.read(screenFile).orElseThrow(() -> problem(file, parser,
                "screen file " + source.describe(screenFile) + " does not exist"));
        Charset charset = screenFile.toLowerCase().endsWith(".ans") ? CP437 : StandardCharsets.UTF_8;
        return new String(bytes, charset).replace("\r\n", "\n");
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private String text(String file, JsonParser parser, String field) throws IOException {
        if (!parser.currentToken().isScalarValue()) {
            throw problem(file, parser, field + " must be text");
        }
        return parser.getValueAsString();
    }

    private MenuException problem(String file, JsonParser parser, String message) {
        return new MenuException(at(file, parser.currentTokenLocation().getLineNr()) + message);
    }

    private String at(String file, int line) {
        return source.describe(file) + " line " + line + ": ";
    }
}
