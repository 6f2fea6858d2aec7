package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.chat.ChatConfig;
import dev.carrier.chat.ReaderBudget;
import dev.carrier.runtime.ManualTime;
import dev.carrier.telnet.TelnetTestClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client that stops reading costs a bounded amount and slows nobody else. */
class SlowReaderTest {

    @TempDir
    Path data;

    // More than the kernel may buffer for a socket on loopback (4 MiB here), so the server must drop.
    private static final int LINES = 14_000;

    // The room's clock stands still unless a test moves it: only the byte budget decides here.
    private final ManualTime time = new ManualTime();

    private ServerConfig config() {
        return ServerConfig.forTests(data).withTime(time)
                .withChat(ChatConfig.defaults().withFlood(0, Duration.ofSeconds(1)));
    }

    @Test
    void othersKeepReceivingAndTheSlowOneLaterSeesWhatItMissed() throws IOException {
        try (TestServer bbs = TestServer.start(config()); Socket slow = new Socket()) {
            Room room = burstWhileSlothSleeps(bbs, slow);
            String late = readUntil(room.sloth(), "<alice> line " + LINES + " ");
            assertTrue(late.contains("*** Missed "), "no missed notice in what sloth read");
            int received = late.split("<alice> line ", -1).length - 1;
            assertTrue(received < LINES, "sloth received all " + received + " lines: nothing was bounded");
        }
    }

    @Test
    void aReaderThatTakesNothingForTheHangUpTimeIsHungUpOnWhileOthersCarryOn() throws IOException {
        try (TestServer bbs = TestServer.start(config()); Socket slow = new Socket()) {
            Room room = burstWhileSlothSleeps(bbs, slow);
            assertEquals(3, bbs.server().nodes().inUse());

            bbs.passTime(time, ReaderBudget.defaults().hangUpAfter());
            room.alice().sendLine("still here?");
            room.bob().awaitText("<alice> still here?", WAIT);
            TestServer.eventually().until(() -> bbs.server().nodes().inUse() == 2);
            assertTrue(readsToTheEnd(room.sloth()), "sloth's connection was not closed");
        }
    }

    /** Sloth, who reads nothing; bob, who has read the whole burst; alice, who sent it. */
    private record Room(InputStream sloth, TelnetTestClient bob, TelnetTestClient alice) {}

    private static Room burstWhileSlothSleeps(TestServer bbs, Socket slow) throws IOException {
        InputStream sloth = slothInChat(bbs, slow);
        TelnetTestClient bob = bbs.inChat("bob");
        TelnetTestClient alice = bbs.inChat("alice");
        burst(alice);
        bob.awaitText("<alice> line " + LINES + " ", WAIT);
        return new Room(sloth, bob, alice);
    }

    private static InputStream slothInChat(TestServer bbs, Socket slow) throws IOException {
        slow.setReceiveBufferSize(4096);
        slow.connect(new InetSocketAddress("127.0.0.1", bbs.server().telnetPort()));
        slow.setSoTimeout((int) WAIT.toMillis());
        InputStream in = slow.getInputStream();
        OutputStream out = slow.getOutputStream();
        readUntil(in, "login: ");
        out.write("new\r\nsloth\r\nsecret1\r\nsecret1\r\n".getBytes(StandardCharsets.US_ASCII));
        readUntil(in, "Main menu: ");
        out.write("c".getBytes(StandardCharsets.US_ASCII));
        readUntil(in, "Welcome to chat");
        // From here on, sloth reads nothing.
        return in;
    }

    private static void burst(TelnetTestClient alice) {
        String filler = "x".repeat(450);
        StringBuilder burst = new StringBuilder();
        for (int i = 1; i <= LINES; i++) burst.append("line ").append(i).append(' ').append(filler).append("\r\n");
        alice.send(burst.toString());
    }

    /** True when the server closed the connection: reading what it had sent ends in end-of-stream. */
    private static boolean readsToTheEnd(InputStream in) throws IOException {
        byte[] buffer = new byte[65536];
        try {
            while (in.read(buffer) >= 0) {
                // what was sent before the hang-up
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true; // reset: the server dropped what it had not sent
        }
    }

    /** Reads until the text appears; returns all that was read (telnet commands included, harmless here). */
    private static String readUntil(InputStream in, String expected) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                break;
            }
            if (n < 0) break;
            seen.write(buffer, 0, n);
            String text = seen.toString(StandardCharsets.UTF_8);
            if (text.contains(expected)) return text;
        }
        throw new AssertionError("never read '" + expected + "'; last read: "
                + tail(seen.toString(StandardCharsets.UTF_8)));
    }

    private static String tail(String text) {
        return text.length() <= 500 ? text : text.substring(text.length() - 500);
    }
}
