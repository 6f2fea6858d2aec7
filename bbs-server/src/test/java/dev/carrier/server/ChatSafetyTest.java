package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.chat.ChatConfig;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One user's bytes never steer another user's terminal; floods are slowed. */
class ChatSafetyTest {

    @TempDir
    Path data;

    @Test
    void controlCharactersAndEscapeSequencesNeverReachOthers() {
        try (TestServer bbs = TestServer.start(data)) {
            TelnetTestClient bob = bbs.inChat("bob");
            TelnetTestClient alice = bbs.inChat("alice");
            alice.sendLine("a\u001b[2Jb\u001b]0;pwned\u0007c\u0001d\u009b31me");
            bob.awaitText("<alice> ", WAIT);
            String line = bob.awaitText("\r\n", WAIT);
            // Typed at a keyboard, ESC ] is Alt-]: the chord is dropped and what follows is text.
            assertEquals("ab0;pwnedcde\r\n", line.replace("\r\u001b[K", ""));
            byte[] bytes = bob.rawBytes();
            String received = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            // Bob's own chat screen is drawn with a screen clear when he enters; from alice's line on, none.
            String all = received.substring(received.indexOf("<alice> a"));
            assertFalse(all.contains("\u001b[2J"), "screen clear reached bob");
            assertFalse(all.contains("\u001b]"), "title change reached bob");
            assertFalse(all.contains("\u0007"), "a bell reached bob");
        }
    }

    @Test
    void aChatLineIsAtMost500Characters() {
        try (TestServer bbs = TestServer.start(data)) {
            TelnetTestClient bob = bbs.inChat("bob");
            TelnetTestClient alice = bbs.inChat("alice");
            alice.sendLine("y".repeat(700));
            bob.awaitText("<alice> ", WAIT);
            String line = bob.awaitText("\r\n", WAIT).strip();
            assertEquals(500, line.length());
        }
    }

    @Test
    void pastTheBurstTheSenderIsToldToSlowDownAndTheLineIsNotSent() {
        try (TestServer bbs = TestServer.start(data.resolve("d"), e -> e)) {
            TelnetTestClient bob = bbs.inChat("bob");
            TelnetTestClient alice = bbs.inChat("alice");
            for (int i = 1; i <= 6; i++) alice.sendLine("line " + i);
            alice.awaitText("*** Slow down", WAIT);
            bob.awaitText("<alice> line 5", WAIT);
            bob.sendLine("marker");
            bob.awaitText("<bob> marker", WAIT);
            assertFalse(bob.transcript().contains("<alice> line 6"), bob.transcript());
        }
    }

    @Test
    void floodControlCanBeLifted() {
        var config = dev.carrier.server.ServerConfig.forTests(data)
                .withChat(ChatConfig.defaults().withFlood(0, Duration.ofSeconds(1)));
        try (TestServer bbs = TestServer.start(config)) {
            TelnetTestClient bob = bbs.inChat("bob");
            TelnetTestClient alice = bbs.inChat("alice");
            for (int i = 1; i <= 30; i++) alice.sendLine("line " + i);
            bob.awaitText("<alice> line 30", WAIT);
            assertTrue(!alice.transcript().contains("Slow down"));
        }
    }
}
