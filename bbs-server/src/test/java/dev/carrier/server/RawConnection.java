package dev.carrier.server;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client as an attacker writes one: bytes on a bare socket with a small receive window, no
 * protocol manners, and reading only when it chooses to (mostly never). Every write and read has
 * a deadline, so a server that stops reading cannot hang the test.
 */
final class RawConnection implements AutoCloseable {

    /** How long a flood waits for the server to take more before deciding it stopped reading. */
    static final Duration STALL = Duration.ofSeconds(2);

    private final SocketChannel channel;
    private final Selector selector;
    private final StringBuilder received = new StringBuilder();

    private RawConnection(SocketChannel channel, Selector selector) {
        this.channel = channel;
        this.selector = selector;
    }

    static RawConnection open(int port) {
        return open("127.0.0.1", port);
    }

    /** Connects to the server on 127.0.0.1 from {@code localAddress} (any 127.x.y.z is loopback too). */
    static RawConnection open(String localAddress, int port) {
        try {
            SocketChannel channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
            channel.bind(new InetSocketAddress(localAddress, 0));
            channel.socket().connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            channel.configureBlocking(false);
            Selector selector = Selector.open();
            channel.register(selector, 0);
            return new RawConnection(channel, selector);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to port " + port, e);
        }
    }

    /**
     * Writes {@code pattern} over and over until {@code total} bytes are out, {@code cap} has passed,
     * or the server has taken nothing for {@link #STALL}. Never reads. Returns the bytes written;
     * a connection the server closed ends the flood too.
     */
    long flood(byte[] pattern, long total, Duration cap) {
        ByteBuffer chunk = ByteBuffer.wrap(repeat(pattern, 64 * 1024));
        long written = 0;
        long deadline = System.nanoTime() + cap.toNanos();
        long lastProgress = System.nanoTime();
        try {
            while (written < total && System.nanoTime() < deadline
                    && System.nanoTime() - lastProgress < STALL.toNanos()) {
                if (!chunk.hasRemaining()) chunk.rewind();
                if (total - written < chunk.remaining()) chunk.limit(chunk.position() + (int) (total - written));
                int n = channel.write(chunk);
                if (n > 0) {
                    written += n;
                    lastProgress = System.nanoTime();
                } else {
                    awaitReady(SelectionKey.OP_WRITE, 100);
                }
            }
        } catch (IOException e) {
            // the server hung up on the attacker: that is one way for a flood to end
        }
        return written;
    }

    /** A whole pattern repeated to at least {@code size} bytes, so a flood stays aligned to it. */
    private static byte[] repeat(byte[] pattern, int size) {
        int copies = Math.max(1, size / pattern.length);
        byte[] out = new byte[copies * pattern.length];
        for (int i = 0; i < copies; i++) System.arraycopy(pattern, 0, out, i * pattern.length, pattern.length);
        return out;
    }

    void write(String text) {
        write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    void write(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long deadline = System.nanoTime() + TestServer.WAIT.toNanos();
        try {
            while (buffer.hasRemaining()) {
                if (System.nanoTime() > deadline) throw new AssertionError("the server took no bytes for " + TestServer.WAIT);
                if (channel.write(buffer) == 0) awaitReady(SelectionKey.OP_WRITE, 100);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads until {@code expected} has arrived (bytes as Latin-1, so any stream can be searched);
     * returns what was read up to and with it, and keeps the rest for the next call.
     */
    String readUntil(String expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        try {
            while (true) {
                int at = received.indexOf(expected);
                if (at >= 0) {
                    String seen = received.substring(0, at + expected.length());
                    received.delete(0, at + expected.length());
                    return seen;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("never read " + expected + "; got " + tail(received));
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) throw new AssertionError("closed before " + expected + "; got " + tail(received));
                if (n == 0) awaitReady(SelectionKey.OP_READ, Math.max(1, left / 1_000_000));
                else received.append(new String(buffer.array(), 0, n, ISO_8859_1));
            }
        } catch (IOException e) {
            throw new AssertionError("the connection broke before " + expected + "; got " + tail(received), e);
        }
    }

    /** The status code of the next HTTP answer, or -1 when the server hung up without one. */
    int readStatus(Duration timeout) {
        try {
            String head = readUntil("\r\n\r\n", timeout);
            String[] words = head.split(" ", 3);
            return Integer.parseInt(words[1]);
        } catch (AssertionError | RuntimeException refused) {
            return -1;
        }
    }

    /** Opens a WebSocket with a hand-written handshake; returns the HTTP status of the answer. */
    int upgrade(String path, String host, String origin, String... moreHeaders) {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(new byte[16]) + "\r\nOrigin: " + origin + "\r\n");
        for (String header : moreHeaders) request.append(header).append("\r\n");
        write(request.append("\r\n").toString());
        return readStatus(TestServer.WAIT);
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

    private void awaitReady(int operation, long millis) throws IOException {
        SelectionKey key = channel.keyFor(selector);
        key.interestOps(operation);
        selector.select(millis);
        selector.selectedKeys().clear();
        key.interestOps(0);
    }

    private static String tail(CharSequence text) {
        String s = text.toString();
        return s.length() <= 300 ? s : "..." + s.substring(s.length() - 300);
    }

    @Override
    public void close() {
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            // closing an attacker's socket: nothing left to do
        }
    }
}
