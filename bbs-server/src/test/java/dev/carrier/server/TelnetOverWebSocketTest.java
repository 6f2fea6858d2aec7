package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.session.NodeInfo;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /telnet: a raw telnet stream in WebSocket frames, for BBS web clients such as fTelnet and VTX. */
class TelnetOverWebSocketTest {

    // Protocol bytes written out, as a client would (not taken from the server's code).
    private static final int IAC = 255, WILL = 251, WONT = 252, DO = 253, ECHO = 1, SGA = 3, TTYPE = 24;

    @TempDir
    Path data;

    @Test
    void aClientInBinaryFramesIsNegotiatedWithAndChatsWithATelnetUser() {
        try (TestServer bbs = TestServer.start(data)) {
            WebSocketTestClient carol = bbs.track(WebSocketTestClient.telnet(bbs.webUri("/telnet"), "telnet"));
            assertEquals("telnet", carol.subprotocol());
            // Agree to the server's echo and go-ahead, and say there is no terminal type to wait for.
            carol.sendBytes(bytes(IAC, DO, ECHO, IAC, DO, SGA, IAC, WONT, TTYPE));
            carol.awaitText("login: ");
            assertTrue(startsWith(carol.rawBytes(), bytes(IAC, WILL, ECHO)), "negotiation comes first: "
                    + Arrays.toString(Arrays.copyOf(carol.rawBytes(), 12)));

            register(carol, "carol");
            assertTrue(carol.transcript().contains("new handle: carol"), "the server echoes once ECHO is agreed");
            TelnetTestClient bob = bbs.inChat("bob");
            carol.send("c");
            carol.awaitText("*** Welcome to chat.");
            bob.awaitText("*** carol has joined chat", WAIT);
            carol.sendLine("hello through the websocket");
            bob.awaitText("<carol> hello through the websocket", WAIT);
            bob.sendLine("héllo back");
            carol.awaitText("<bob> héllo back");

            NodeInfo node = bbs.server().nodes().snapshot().stream()
                    .filter(n -> n.handle().filter("carol"::equals).isPresent()).findFirst().orElseThrow();
            assertEquals("web", node.transport());
            assertEquals("127.0.0.1", node.remoteAddress());
        }
    }

    @Test
    void thePlainSubprotocolCarriesOneCodePointPerByteInTextFrames() {
        try (TestServer bbs = TestServer.start(data)) {
            WebSocketTestClient dave = bbs.track(WebSocketTestClient.telnet(bbs.webUri("/telnet"), "plain"));
            assertEquals("plain", dave.subprotocol());
            dave.sendText(new String(bytes(IAC, DO, ECHO, IAC, WONT, TTYPE), StandardCharsets.ISO_8859_1));
            dave.awaitText("login: ");
            register(dave, "dave");
            TelnetTestClient bob = bbs.inChat("bob");
            dave.send("c");
            dave.awaitText("*** Welcome to chat.");
            dave.sendLine("café ☕"); // UTF-8 bytes, each byte one code point of the text frame
            bob.awaitText("<dave> café ☕", WAIT);
            dave.awaitText("<dave> café ☕");
        }
    }

    @Test
    void aClientThatNegotiatesNothingStillGetsASessionAfterTheTimeout() {
        try (TestServer bbs = TestServer.start(data)) {
            WebSocketTestClient raw = bbs.track(WebSocketTestClient.telnet(bbs.webUri("/telnet"), "binary"));
            assertEquals("binary", raw.subprotocol());
            raw.awaitText("login: ");
            raw.sendLine("new");
            raw.awaitText("new handle: ");
        }
    }

    @Test
    void hangingUpClosesTheWebSocket() {
        try (TestServer bbs = TestServer.start(data)) {
            WebSocketTestClient erin = bbs.track(WebSocketTestClient.telnet(bbs.webUri("/telnet"), "telnet"));
            erin.sendBytes(bytes(IAC, DO, ECHO, IAC, WONT, TTYPE));
            erin.awaitText("login: ");
            register(erin, "erin");
            erin.send("g");
            assertEquals(1000, erin.awaitClose());
        }
    }

    private static void register(WebSocketTestClient client, String handle) {
        client.sendLine("new");
        client.awaitText("new handle: ");
        client.sendLine(handle);
        client.awaitText("new password: ");
        client.sendLine("secret-" + handle);
        client.awaitText("repeat password: ");
        client.sendLine("secret-" + handle);
        client.awaitText("Main menu: ");
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) bytes[i] = (byte) values[i];
        return bytes;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
    }
}
