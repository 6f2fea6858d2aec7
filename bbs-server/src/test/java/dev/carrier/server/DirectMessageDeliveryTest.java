package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static dev.carrier.server.TestServer.awaitBells;
import static dev.carrier.server.TestServer.bells;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DMs and pages to people outside chat, in DND, or offline. */
class DirectMessageDeliveryTest {

    @TempDir
    Path data;

    @Test
    void aDmToSomeoneAtTheMenuIsShownThereAsANodeMessage() {
        try (TestServer bbs = TestServer.start(data)) {
            TelnetTestClient bob = bbs.register("bob", "secret-bob");
            TelnetTestClient alice = bbs.inChat("alice");
            alice.sendLine("/msg bob are you there?");
            alice.awaitText("[DM to bob] are you there?", WAIT);
            bob.awaitText("[DM from alice] are you there?", WAIT);
            bob.awaitText("Main menu: ", WAIT);
            awaitBells(bob, 1);
        }
    }

    @Test
    void dndSilencesDmBellsAndRefusesPages() {
        try (TestServer bbs = TestServer.start(data)) {
            TelnetTestClient bob = bbs.inChat("bob");
            TelnetTestClient alice = bbs.inChat("alice");
            bob.sendLine("/dnd");
            bob.awaitText("*** You are now dnd", WAIT);
            alice.sendLine("/page bob");
            alice.awaitText("*** bob does not want to be disturbed", WAIT);
            alice.sendLine("/msg bob quiet one");
            bob.awaitText("[DM from alice] quiet one", WAIT);
            alice.sendLine("/msg bob second");
            bob.awaitText("[DM from alice] second", WAIT);
            assertEquals(0, bells(bob));
            assertFalse(bob.transcript().contains("is paging you"), bob.transcript());
        }
    }

    @Test
    void aDmToAnOfflineUserIsShownAtTheirNextLoginOnceEvenAcrossARestart() {
        try (TestServer bbs = TestServer.start(data)) {
            bbs.register("bob", "secret-bob").close();
            TelnetTestClient alice = bbs.inChat("alice");
            alice.sendLine("/msg bob see you later");
            alice.awaitText("bob is not online", WAIT);
            alice.awaitText("will see your message at their next login", WAIT);
        }
        try (TestServer bbs = TestServer.start(data)) {
            TelnetTestClient bob = bbs.login("bob", "secret-bob");
            bob.awaitText("You have 1 message waiting", WAIT);
            bob.awaitText("] see you later", WAIT);
            bob.send("g");
            assertTrue(bob.awaitClosed(WAIT));
            TelnetTestClient again = bbs.login("bob", "secret-bob");
            again.send("w");
            again.awaitText("Handle for details", WAIT);
            assertFalse(again.transcript().contains("message waiting"), again.transcript());
            // /r reaches the one who wrote while bob was away.
        }
    }

    @Test
    void replyWorksFromAnotherConnectionOfTheSameUser() {
        try (TestServer bbs = TestServer.start(data)) {
            TelnetTestClient bobAtMenu = bbs.register("bob", "secret-bob");
            TelnetTestClient bobInChat = TestServer.enterChat(bbs.login("bob", "secret-bob"));
            TelnetTestClient alice = bbs.inChat("alice");
            alice.sendLine("/msg bob hello both");
            bobAtMenu.awaitText("[DM from alice] hello both", WAIT);
            bobInChat.awaitText("[DM from alice] hello both", WAIT);
            bobInChat.sendLine("/r got it");
            alice.awaitText("[DM from bob] got it", WAIT);
        }
    }

    @Test
    void aNodeMessageWaitsUntilTheUserIsAtAMenuOrInChat() {
        try (TestServer bbs = TestServer.start(data)) {
            TelnetTestClient bob = bbs.register("bob", "secret-bob");
            TelnetTestClient alice = bbs.inChat("alice");
            // Bob is at the menu: shown at once, between screens.
            alice.sendLine("/msg bob one");
            bob.awaitText("[DM from alice] one", WAIT);
            bob.awaitText("Main menu: ", WAIT);
        }
    }
}
