package dev.carrier.menu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MenuLoaderTest {

    @TempDir
    Path dir;

    private Menus load(String mainYml) throws IOException {
        Files.writeString(dir.resolve("main.yml"), mainYml);
        return new MenuLoader(MenuSource.folder(dir), Set.of("__who__", "__goodbye__")).load();
    }

    @Test
    void loadsEntriesAndMatchesKeysInEitherCase() throws IOException {
        Menus menus = load("""
                title: Main Menu
                prompt: "Pick: "
                entries:
                  - { key: W, label: Who, service: __who__ }
                  - { key: g, label: Goodbye, service: __goodbye__ }
                """);
        Menu main = menus.main();
        assertEquals("Pick: ", main.prompt());
        assertEquals("__who__", main.entryFor('w').orElseThrow().service().orElseThrow());
        assertEquals("__goodbye__", main.entryFor('G').orElseThrow().service().orElseThrow());
        assertTrue(main.render().contains("[W] Who"));
    }

    @Test
    void unknownServiceNamesTheFileAndLine() {
        MenuException e = assertThrows(MenuException.class, () -> load("""
                title: Main Menu
                entries:
                  - { key: W, label: Who, service: __who__ }
                  - { key: M, label: Mail, service: __mail_inbox__ }
                """));
        assertTrue(e.getMessage().contains("main.yml line 4"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown service __mail_inbox__"), e.getMessage());
    }

    @Test
    void missingScreenFileNamesTheFileAndLine() {
        MenuException e = assertThrows(MenuException.class, () -> load("""
                title: Main Menu
                screen: nowhere.ans
                entries:
                  - { key: W, label: Who, service: __who__ }
                """));
        assertTrue(e.getMessage().contains("main.yml line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("nowhere.ans"), e.getMessage());
    }

    @Test
    void missingSubmenuNamesTheFileAndLine() {
        MenuException e = assertThrows(MenuException.class, () -> load("""
                title: Main Menu
                entries:
                  - { key: X, label: Extras, menu: extras }
                """));
        assertTrue(e.getMessage().contains("main.yml line 3"), e.getMessage());
    }

    @Test
    void aKeyUsedTwiceIsRefused() {
        MenuException e = assertThrows(MenuException.class, () -> load("""
                title: Main Menu
                entries:
                  - { key: W, label: Who, service: __who__ }
                  - { key: w, label: Who again, service: __who__ }
                """));
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
        assertTrue(e.getMessage().contains("already used on line 3"), e.getMessage());
    }

    @Test
    void submenusAndScreensAreLoaded() throws IOException {
        Files.writeString(dir.resolve("extras.yml"), """
                title: Extras
                screen: extras.txt
                entries:
                  - { key: W, label: Who, service: __who__ }
                """);
        Files.writeString(dir.resolve("extras.txt"), "Fancy extras screen\r\n");
        Menus menus = load("""
                title: Main Menu
                entries:
                  - { key: X, label: Extras, menu: extras }
                """);
        assertEquals("Fancy extras screen\n", menus.find("extras").orElseThrow().render());
    }

    @Test
    void missingMainMenuIsReported() {
        MenuException e = assertThrows(MenuException.class,
                () -> new MenuLoader(MenuSource.folder(dir), Set.of()).load());
        assertTrue(e.getMessage().contains("main.yml: no such menu file"), e.getMessage());
    }

    @Test
    void sysopEntriesAreListedAndTakenForSysopsOnly() throws IOException {
        Menus menus = load("""
                title: Main Menu
                entries:
                  - { key: W, label: Who, service: __who__ }
                  - { key: S, label: Sysop corner, service: __who__, sysop: true }
                """);
        Menu main = menus.main();
        assertTrue(main.render(true).contains("[S] Sysop corner"));
        assertTrue(!main.render(false).contains("Sysop corner"));
        assertTrue(main.entryFor('s', false).isEmpty());
        assertTrue(main.entryFor('s', true).isPresent());
        assertTrue(main.entryFor('w', false).isPresent());
    }

    @Test
    void sysopMustBeTrueOrFalse() {
        MenuException e = assertThrows(MenuException.class, () -> load("""
                title: Main Menu
                entries:
                  - { key: W, label: Who, service: __who__, sysop: maybe }
                """));
        assertTrue(e.getMessage().contains("main.yml line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("sysop must be true or false"), e.getMessage());
    }
}
