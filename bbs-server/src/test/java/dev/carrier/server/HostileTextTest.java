package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Look-alike handles, invisible characters, Zalgo text and Alt chords, over a real telnet connection. */
class HostileTextTest {

    private static final String MARKS = "\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309";

    @TempDir
    Path data;

    @Test
    void aHandleLikeAnExistingOneOrAReservedWordIsRefusedAtRegistration() {
        try (TestServer bbs = TestServer.start(data)) {
            bbs.register("alice", "secret1");
            TelnetTestClient client = bbs.call();
            client.sendLine("new");
            client.awaitText("new handle: ", WAIT);
            client.sendLine("aIice");
            client.awaitText("That handle is too much like an existing one (alice); choose another.", WAIT);
            client.awaitText("new handle: ", WAIT);
            client.sendLine("al1ce");
            client.awaitText("too much like an existing one (alice)", WAIT);
            client.awaitText("new handle: ", WAIT);
            client.sendLine("sys0p");
            client.awaitText("that handle is reserved", WAIT);
            client.awaitText("new handle: ", WAIT);
            client.sendLine("__");
            client.awaitText("handle must have at least one letter or digit", WAIT);
            client.awaitText("new handle: ", WAIT);
            client.sendLine("bob");
            client.awaitText("new password: ", WAIT);
        }
    }

    @Test
    void anAltChordDoesNotSwallowTheLineAfterIt() {
        try (TestServer bbs = TestServer.start(data)) {
            TelnetTestClient bob = bbs.inChat("bob");
            TelnetTestClient alice = bbs.inChat("alice");
            alice.sendLine("\u001bPhello");
            bob.awaitText("<alice> hello\r\n", WAIT);
            alice.sendLine("again");
            bob.awaitText("<alice> again\r\n", WAIT);
        }
    }

    @Test
    void anAltChordFromTheBrowserDoesNotSwallowTheLineEither() {
        try (TestServer bbs = TestServer.start(data)) {
            TelnetTestClient bob = bbs.inChat("bob");
            WebSocketTestClient alice = bbs.browserRegister("alice", "secret-alice");
            alice.send("c");
            alice.awaitText("*** Welcome to chat.");
            alice.sendLine("\u001b]hello");
            bob.awaitText("<alice> hello\r\n", WAIT);
            alice.sendLine("\u001b_again");
            bob.awaitText("<alice> again\r\n", WAIT);
        }
    }

    @Test
    void invisibleCharactersAndStackedMarksNeverReachOthers() {
        try (TestServer bbs = TestServer.start(data)) {
            TelnetTestClient bob = bbs.inChat("bob");
            TelnetTestClient alice = bbs.inChat("alice");
            String technologist = "\uD83D\uDC69\u200d\uD83D\uDCBB";
            alice.sendLine("a\u200bb\u202ec\u2066d\u00ade\u3164f\u2028g Z" + MARKS + " " + technologist);
            bob.awaitText("<alice> ", WAIT);
            String line = bob.awaitText("\r\n", WAIT).replace("\r\u001b[K", "");
            assertEquals("abcdefg Z" + MARKS.substring(0, 4) + " " + technologist + "\r\n", line);
            String all = bob.transcript();
            for (String invisible : new String[] {"\u200b", "\u202e", "\u2066", "\u00ad", "\u3164", "\u2028"}) {
                assertFalse(all.contains(invisible), () -> "U+" + Integer.toHexString(invisible.charAt(0)) + " reached bob");
            }
            assertFalse(all.contains(MARKS.substring(0, 5)), "more than four marks reached bob");
        }
    }
}
