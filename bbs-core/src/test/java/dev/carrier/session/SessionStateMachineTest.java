package dev.carrier.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.terminal.TestTerminal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStateMachineTest {

    @TempDir
    Path dir;

    private TestEngine bbs;
    private TestTerminal terminal;

    @BeforeEach
    void start() throws IOException {
        Path menus = Files.createDirectory(dir.resolve("menus"));
        Files.writeString(menus.resolve("main.yml"), """
                title: Main Menu
                prompt: "Main menu: "
                entries:
                  - { key: W, label: Who, service: __who__ }
                  - { key: G, label: Goodbye, service: __goodbye__ }
                """);
        bbs = new TestEngine(dir.resolve("data"), menus, TestEngine.fastConfig());
        terminal = new TestTerminal().connect(bbs.host());
    }

    @AfterEach
    void stop() {
        terminal.shutdown();
        bbs.close();
    }

    private SessionState state() {
        AtomicReference<SessionState> state = new AtomicReference<>();
        terminal.onLoop(input -> state.set(((Session) input).state()));
        return state.get();
    }

    @Test
    void walksConnectedLoginNewUserMenuServiceGoodbye() {
        terminal.awaitText("login: ");
        assertEquals(SessionState.LOGIN, state());
        terminal.typeLine("new");
        terminal.awaitText("new handle: ");
        assertEquals(SessionState.NEW_USER, state());
        terminal.typeLine("alice");
        terminal.awaitText("new password: ");
        terminal.typeLine("secret1");
        terminal.awaitText("repeat password: ");
        terminal.typeLine("secret1");
        terminal.awaitText("Main menu: ");
        assertEquals(SessionState.MENU, state());
        terminal.type("w");
        terminal.awaitText("alice");
        terminal.awaitText("Handle for details");
        assertEquals(SessionState.SERVICE, state());
        terminal.typeLine("");
        terminal.awaitText("Main menu: ");
        assertEquals(SessionState.MENU, state());
        terminal.type("g");
        terminal.awaitText("Goodbye, alice.");
        assertTrue(terminal.awaitClosed());
    }

    @Test
    void anEmptyNewHandleGoesBackToLogin() {
        terminal.awaitText("login: ");
        terminal.typeLine("new");
        terminal.awaitText("new handle: ");
        terminal.typeLine("");
        terminal.awaitText("login: ");
        assertEquals(SessionState.LOGIN, state());
    }

    @Test
    void aPasswordTypedAheadStaysMasked() {
        terminal.awaitText("login: ");
        terminal.type("new\r\nbob\r\nsecret9\r\nsecret9\r\n");
        terminal.awaitText("Main menu: ");
        assertFalse(terminal.transcript().contains("secret9"), terminal.transcript());
    }

    @Test
    void hangingUpReleasesTheNode() {
        terminal.awaitText("login: ");
        assertEquals(1, bbs.host().nodes().inUse());
        terminal.hangUp();
        terminal.onLoop(input -> { });
        assertEquals(0, bbs.host().nodes().inUse());
    }
}
