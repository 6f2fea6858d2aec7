package dev.carrier.bench;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One short-lived connection of the soak, on a blocking socket whose every read has a deadline.
 * It speaks just enough telnet (refusing every option, so negotiation ends at once), HTTP and
 * WebSocket framing to get where a cycle wants to drop it.
 */
final class SoakConnection implements AutoCloseable {

    private static final int IAC = 255, SB = 250, SE = 240, WILL = 251, WONT = 252, DO = 253, DONT = 254;
    private static final int READ_TIMEOUT_MS = 5_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final StringBuilder seen = new StringBuilder();
    private int telnetState; // 0 data, 1 after IAC, 2 option of WILL/WONT, 3 option of DO/DONT, 4 in SB, 5 IAC in SB

    private SoakConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static SoakConnection open(int port) throws IOException {
        Socket socket = new Socket();
        socket.setSoTimeout(READ_TIMEOUT_MS);
        socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MS);
        return new SoakConnection(socket);
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    void write(String text) throws IOException {
        out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Reads until {@code text} shows up; with {@code telnet} the stream's commands are answered
     * with refusals and left out of what is searched. False when the server closed or went quiet.
     */
    boolean readUntil(String text, boolean telnet) throws IOException {
        byte[] buffer = new byte[4096];
        while (seen.indexOf(text) < 0) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException quiet) {
                return false;
            }
            if (n < 0) return false;
            if (telnet) telnet(buffer, n);
            else seen.append(new String(buffer, 0, n, ISO_8859_1));
        }
        seen.delete(0, seen.indexOf(text) + text.length());
        return true;
    }

    /** Reads whatever has already arrived, so the server's answers to fuzz do not pile up unread. */
    void drainAvailable() throws IOException {
        byte[] buffer = new byte[8192];
        while (in.available() > 0) {
            if (in.read(buffer, 0, Math.min(buffer.length, in.available())) < 0) return;
        }
        seen.setLength(0);
    }

    private void telnet(byte[] bytes, int length) throws IOException {
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xff;
            switch (telnetState) {
                case 0 -> {
                    if (b == IAC) telnetState = 1;
                    else seen.append((char) b);
                }
                case 1 -> telnetState = b == WILL || b == WONT ? 2 : b == DO || b == DONT ? 3 : b == SB ? 4 : 0;
                case 2 -> {
                    out.write(new byte[] {(byte) IAC, (byte) DONT, (byte) b});
                    telnetState = 0;
                }
                case 3 -> {
                    out.write(new byte[] {(byte) IAC, (byte) WONT, (byte) b});
                    telnetState = 0;
                }
                case 4 -> telnetState = b == IAC ? 5 : 4;
                default -> telnetState = b == SE ? 0 : 4;
            }
        }
    }

    /** A WebSocket handshake by hand; true when the server switched protocols. */
    boolean upgrade(String path, int port) throws IOException {
        String host = "127.0.0.1:" + port;
        write("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nOrigin: http://" + host
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(new byte[16]) + "\r\n\r\n");
        return readUntil("101 Switching Protocols", false);
    }

    /** One masked client frame: opcode 1 text, 2 binary. */
    static byte[] frame(int opcode, byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(payload.length + 14);
        frame.put((byte) (0x80 | opcode));
        if (payload.length < 126) {
            frame.put((byte) (0x80 | payload.length));
        } else if (payload.length <= 0xffff) {
            frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
        } else {
            frame.put((byte) (0x80 | 127)).putLong(payload.length);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.put(mask);
        for (int i = 0; i < payload.length; i++) frame.put((byte) (payload[i] ^ mask[i & 3]));
        byte[] out = new byte[frame.position()];
        frame.flip().get(out);
        return out;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // dropping is the point
        }
    }
}
