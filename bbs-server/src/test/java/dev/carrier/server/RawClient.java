package dev.carrier.server;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A client that talks raw bytes and can refuse to read: a small receive buffer, non-blocking
 * writes that say when the server stops taking bytes, and reads only when asked to. For tests of
 * what the server does with a client that sends and never reads.
 */
final class RawClient implements AutoCloseable {

    private final SocketChannel channel;
    private final StringBuilder received = new StringBuilder();
    private long sent;
    private ByteBuffer floodRest = ByteBuffer.allocate(0); // the flood's unit still to send

    private RawClient(SocketChannel channel) {
        this.channel = channel;
    }

    /** Connected from {@code local} (any 127.x address on loopback) to the port. */
    static RawClient connect(String local, int port) {
        try {
            SocketChannel channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 4096); // a reader that fills up fast
            channel.setOption(StandardSocketOptions.SO_SNDBUF, 4096);
            channel.bind(new InetSocketAddress(local, 0));
            channel.connect(new InetSocketAddress("127.0.0.1", port));
            channel.configureBlocking(false);
            return new RawClient(channel);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RawClient connect(int port) {
        return connect("127.0.0.1", port);
    }

    /** Bytes the server has taken so far. */
    long sent() {
        return sent;
    }

    /** Writes all of {@code bytes}, waiting for room as long as the deadline allows. */
    void send(byte[] bytes, Duration within) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (buffer.hasRemaining()) {
                int n = channel.write(buffer);
                sent += n;
                if (n == 0) {
                    if (System.nanoTime() > deadline) throw new AssertionError("the server stopped taking bytes");
                    Thread.onSpinWait();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void send(String text) {
        send(text.getBytes(StandardCharsets.UTF_8), TestServer.WAIT);
    }

    /**
     * Sends {@code unit} over and over, never reading, until the server has taken no byte for
     * {@code quiet}; returns true then, false when {@code budget} bytes went through first (the
     * server kept reading) or the connection broke.
     */
    boolean floodUntilRefused(byte[] unit, long budget, Duration quiet) {
        ByteBuffer buffer = ByteBuffer.wrap(unit);
        long quietSince = 0;
        try {
            while (sent < budget) {
                if (!buffer.hasRemaining()) buffer.rewind();
                int n = channel.write(buffer);
                sent += n;
                if (n > 0) {
                    quietSince = 0;
                } else if (quietSince == 0) {
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > quiet.toNanos()) {
                    floodRest = buffer.slice();
                    return true;
                } else {
                    Thread.onSpinWait();
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends the rest of the flood's last unit, so what follows is not read as part of it. */
    void finishFlood(Duration within) {
        byte[] rest = new byte[floodRest.remaining()];
        floodRest.get(rest);
        send(rest, within);
    }

    /** Waits until the server has closed the connection, without reading a byte: a write fails. */
    boolean awaitClosedWithoutReading(Duration within) {
        try {
            await().atMost(within).pollInterval(Duration.ofMillis(20)).until(this::writeFails);
            return true;
        } catch (ConditionTimeoutException stillOpen) {
            return false;
        }
    }

    private boolean writeFails() {
        try {
            channel.write(ByteBuffer.wrap(new byte[] {0}));
            return false;
        } catch (IOException closed) {
            return true;
        }
    }

    /** Reads until {@code expected} has arrived (after what was read before); returns all read so far. */
    String awaitText(String expected, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        int from = received.length();
        try {
            while (received.indexOf(expected, from) < 0) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) throw new AssertionError("closed before \"" + expected + "\"; got: " + tail());
                if (n > 0) {
                    received.append(new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1));
                } else if (System.nanoTime() > deadline) {
                    throw new AssertionError("no \"" + expected + "\" within " + within + "; got: " + tail());
                } else {
                    Thread.onSpinWait();
                }
            }
            return received.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads until the server closes the connection; returns everything read on it. */
    String readUntilClosed(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (true) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) return received.toString();
                if (n > 0) {
                    received.append(new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1));
                } else if (System.nanoTime() > deadline) {
                    throw new AssertionError("the server did not close within " + within + "; got: " + tail());
                } else {
                    Thread.onSpinWait();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads whatever waits, until nothing more comes for {@code quiet}; returns the byte count. */
    long drain(Duration quiet) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long total = 0;
        long lastData = System.nanoTime();
        try {
            while (System.nanoTime() - lastData < quiet.toNanos()) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) throw new AssertionError("the server closed the connection while it was drained");
                if (n > 0) {
                    total += n;
                    lastData = System.nanoTime();
                }
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a WebSocket by hand; its frames then go through {@link #frame}. */
    void upgrade(String path, String host, String origin) {
        String key = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(16));
        send("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                + (origin != null ? "Origin: " + origin + "\r\n" : "") + "\r\n");
    }

    /** A masked binary frame, as a browser sends it. */
    static byte[] frame(byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(payload.length + 14);
        frame.put((byte) 0x82);
        if (payload.length < 126) {
            frame.put((byte) (0x80 | payload.length));
        } else {
            frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
        }
        byte[] mask = {1, 2, 3, 4};
        frame.put(mask);
        for (int i = 0; i < payload.length; i++) frame.put((byte) (payload[i] ^ mask[i % 4]));
        byte[] bytes = new byte[frame.position()];
        frame.flip().get(bytes);
        return bytes;
    }

    private String tail() {
        return received.length() <= 300 ? received.toString() : "..." + received.substring(received.length() - 300);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
