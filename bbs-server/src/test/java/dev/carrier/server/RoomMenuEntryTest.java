package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sysop's menu entry that goes straight to a room: {@code room: games} beside {@code service: __chat__}. */
class RoomMenuEntryTest {

    @TempDir
    Path data;

    @TempDir
    Path menus;

    private ServerConfig withMainMenu(String entries) throws IOException {
        Files.writeString(menus.resolve("main.yml"), "title: Main Menu\nprompt: \"Main menu: \"\nentries:\n" + entries);
        return ServerConfig.forTests(data).toBuilder().menusDir(menus).build();
    }

    @Test
    void anEntryNamingARoomOpensChatInThatRoom() throws IOException {
        try (TestServer bbs = TestServer.start(withMainMenu("""
                  - { key: C, label: "Chat", service: __chat__ }
                  - { key: X, label: "Games room", service: __chat__, room: Games }
                  - { key: G, label: "Goodbye", service: __goodbye__ }
                """))) {
            TelnetTestClient alice = bbs.register("alice", "secret-alice");
            alice.send("x");
            alice.awaitText("*** You are in #games", WAIT);
            TelnetTestClient bob = bbs.register("bob", "secret-bob");
            bob.send("c");
            bob.awaitText("*** Welcome to chat.", WAIT);
            bob.sendLine("/join games");
            alice.awaitText("*** bob has joined #games", WAIT);
        }
    }

    @Test
    void anEntryNamingNoRoomOrAServiceWithoutRoomsIsRefusedAtStart() throws IOException {
        ServerConfig badName = withMainMenu("  - { key: X, label: \"Games\", service: __chat__, room: \"g\" }\n");
        RuntimeException e = assertThrows(RuntimeException.class, () -> TestServer.start(badName).close());
        assertTrue(e.getMessage().contains("a room name is 2-24 letters, digits, - or _"), e.getMessage());

        ServerConfig noRooms = withMainMenu("  - { key: W, label: \"Who\", service: __who__, room: games }\n");
        e = assertThrows(RuntimeException.class, () -> TestServer.start(noRooms).close());
        assertTrue(e.getMessage().contains("service __who__ opens at no named place"), e.getMessage());
    }
}
