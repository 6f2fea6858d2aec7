package dev.carrier.telnet;

import static dev.carrier.telnet.Telnet.*;
import static dev.carrier.telnet.TelnetCodecTest.bytes;
import static dev.carrier.telnet.TelnetCodecTest.concat;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test client against a hand-driven socket, since other modules' tests rely on it. */
class TelnetTestClientTest {

    private ServerSocket listener;
    private Socket peer;
    private TelnetTestClient client;

    @BeforeEach
    void listen() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        if (client != null) client.close();
        if (peer != null) peer.close();
        listener.close();
    }

    @Test
    void answersNegotiationLikeARealClient() throws IOException {
        connect(TelnetTestClient.Options.telnet());
        serverSends(bytes(IAC, WILL, ECHO, IAC, WILL, SGA, IAC, DO, TTYPE, IAC, DO, NAWS,
                IAC, DO, LINEMODE, IAC, WILL, STATUS));
        assertArrayEquals(bytes(IAC, DO, ECHO, IAC, DO, SGA, IAC, WILL, TTYPE, IAC, WILL, NAWS,
                IAC, SB, NAWS, 0, 80, 0, 24, IAC, SE, IAC, WONT, LINEMODE, IAC, DONT, STATUS), serverReads(27));

        serverSends(bytes(IAC, SB, TTYPE, SEND, IAC, SE));
        assertArrayEquals(concat(bytes(IAC, SB, TTYPE, IS), "xterm".getBytes(US_ASCII), bytes(IAC, SE)), serverReads(11));

        // Repeating what is already agreed gets no reply: the next bytes answer the DO 99.
        serverSends(bytes(IAC, WILL, ECHO, IAC, DO, NAWS, IAC, DO, 99));
        assertArrayEquals(bytes(IAC, WONT, 99), serverReads(3));
        assertTrue(client.serverWill(ECHO));
    }

    @Test
    void terminalTypeAndSizeAreConfigurable() throws IOException {
        connect(TelnetTestClient.Options.telnet().withTerminalType("ansi").withWindowSize(300, 255));
        serverSends(bytes(IAC, DO, NAWS));
        assertArrayEquals(bytes(IAC, WILL, NAWS, IAC, SB, NAWS, 1, 44, 0, IAC, IAC, IAC, SE), serverReads(13));
        serverSends(bytes(IAC, DO, TTYPE, IAC, SB, TTYPE, SEND, IAC, SE));
        assertArrayEquals(concat(bytes(IAC, WILL, TTYPE, IAC, SB, TTYPE, IS), "ansi".getBytes(US_ASCII), bytes(IAC, SE)),
                serverReads(13));
    }

    @Test
    void theTranscriptHoldsDecodedTextWithoutTelnetCommands() throws IOException {
        connect(TelnetTestClient.Options.raw());
        byte[] euro = "€".getBytes(UTF_8);
        serverSends(concat("he".getBytes(UTF_8), bytes(IAC, NOP), "l".getBytes(UTF_8),
                bytes(IAC, SB, TTYPE, IAC, IAC, SEND, IAC, SE), "lo ".getBytes(UTF_8), new byte[] {euro[0]}));
        serverSends(concat(Arrays.copyOfRange(euro, 1, 3), bytes(IAC, WILL, ECHO, '!')));
        assertEquals("hello €!", client.awaitText("!"));
        assertEquals("hello €!", client.transcript());
        byte[] raw = client.rawBytes();
        assertEquals(IAC, raw[2] & 0xff, "raw bytes keep the commands");
    }

    @Test
    void aRawClientSendsOnlyWhatTheTestSends() throws IOException {
        connect(TelnetTestClient.Options.raw());
        serverSends(concat(bytes(IAC, DO, TTYPE, IAC, WILL, ECHO, IAC, DO, NAWS), "hi".getBytes(UTF_8)));
        client.awaitText("hi");
        client.sendLine("x");
        assertArrayEquals("x\r\n".getBytes(UTF_8), serverReads(3));
    }

    @Test
    void awaitsReadOnFromWhereTheLastOneStopped() throws IOException {
        connect(TelnetTestClient.Options.raw());
        serverSends("a1 a2 a3".getBytes(UTF_8));
        assertEquals("a", client.awaitText("a"));
        assertEquals("1 a", client.awaitText("a"));
        assertEquals("2", client.awaitPattern(Pattern.compile("\\d")).group());
        assertEquals(" a3", client.awaitText("3"));
        assertEquals("", client.unread());
    }

    @Test
    void awaitFailsFastOnceTheServerHangsUp() throws IOException {
        connect(TelnetTestClient.Options.raw());
        serverSends("last words".getBytes(UTF_8));
        peer.close();
        assertTrue(client.awaitClosed(Duration.ofSeconds(5)));
        AssertionError e = assertThrows(AssertionError.class, () -> client.awaitText("more", Duration.ofSeconds(30)));
        assertTrue(e.getMessage().contains("closed") && e.getMessage().contains("last words"), e.getMessage());
    }

    @Test
    void sendDoublesIacAndResizeSendsNaws() throws IOException {
        connect(TelnetTestClient.Options.raw().withCharset(TelnetConfig.CP437));
        client.send("\u00a0");
        assertArrayEquals(bytes(0xff, 0xff), serverReads(2));
        client.resize(255, 40);
        assertArrayEquals(bytes(IAC, SB, NAWS, 0, IAC, IAC, 0, 40, IAC, SE), serverReads(10));
        client.sendBytes(bytes(IAC, AYT));
        assertArrayEquals(bytes(IAC, AYT), serverReads(2));
    }

    // ---- helpers ----

    private void connect(TelnetTestClient.Options options) throws IOException {
        client = TelnetTestClient.connect("127.0.0.1", listener.getLocalPort(), options);
        peer = listener.accept();
        peer.setSoTimeout((int) TelnetTestClient.DEFAULT_TIMEOUT.toMillis()); // a missing reply fails, not hangs
    }

    private void serverSends(byte[] bytes) throws IOException {
        OutputStream out = peer.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    private byte[] serverReads(int n) throws IOException {
        InputStream in = peer.getInputStream();
        byte[] got = in.readNBytes(n);
        assertEquals(n, got.length, "the client sent fewer bytes than expected");
        return got;
    }
}
