package dev.carrier.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A WebSocket client for integration tests, on the JDK's {@code java.net.http}, with a transcript
 * to wait on like {@link dev.carrier.telnet.TelnetTestClient}'s.
 *
 * <p>Binary frames (and, for the {@code plain} subprotocol, text frames with one code point per
 * byte) are terminal bytes: decoded as UTF-8 into the transcript, with telnet commands stripped
 * first when the stream is telnet. Other text frames are control messages, kept in a list. The
 * await methods read the transcript from a position each success moves past what it matched.
 *
 * <p>Thread-safe; meant for a test thread while the JDK's threads deliver frames.
 */
final class WebSocketTestClient implements AutoCloseable {

    static final Duration WAIT = TestServer.WAIT;

    private static final int IAC = 255, SB = 250, SE = 240, WILL = 251, DONT = 254;

    /** How the bytes of a stream are framed and read. */
    enum Mode { TERMINAL, TELNET, TELNET_PLAIN }

    private final Mode mode;
    private final WebSocket socket;
    private final Object lock = new Object();
    private final StringBuilder transcript = new StringBuilder();
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private final List<String> controls = new ArrayList<>();
    private final StringBuilder partialText = new StringBuilder();
    private final CharsetDecoder decoder = UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private byte[] undecoded = new byte[0];
    private int position;
    private int telnetState; // 0 data, 1 after IAC, 2 verb's option, 3 in SB, 4 IAC in SB
    private Integer closeCode;
    private String closeReason;
    private Throwable error;

    private WebSocketTestClient(Mode mode, URI uri, Map<String, String> headers, String... subprotocols) {
        this.mode = mode;
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        try {
            this.socket = builder.buildAsync(uri, new Listener()).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new Refused(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no WebSocket to " + uri + " within " + WAIT, e);
        }
    }

    /** A browser terminal on {@code /terminal}. */
    static WebSocketTestClient terminal(URI uri, Map<String, String> headers) {
        return new WebSocketTestClient(Mode.TERMINAL, uri, headers);
    }

    /** A telnet stream on {@code /telnet}, in binary frames ({@code binary} or {@code telnet}) or text ({@code plain}). */
    static WebSocketTestClient telnet(URI uri, String subprotocol) {
        return new WebSocketTestClient("plain".equals(subprotocol) ? Mode.TELNET_PLAIN : Mode.TELNET, uri, Map.of(),
                subprotocol);
    }

    /** A handshake the server refused: the HTTP status it answered, or -1 if it answered none. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(Throwable cause) {
            super("the WebSocket handshake failed: " + cause, cause);
            Throwable c = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
            status = c instanceof WebSocketHandshakeException h ? h.getResponse().statusCode() : -1;
        }
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    // ---- sending ----

    /** Keystrokes, as the page sends them: UTF-8 in a binary frame (for plain telnet, a text frame). */
    void send(String keys) {
        byte[] bytes = keys.getBytes(UTF_8);
        if (mode == Mode.TELNET_PLAIN) {
            sendText(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
        } else {
            sendBytes(bytes);
        }
    }

    void sendLine(String line) {
        send(line + "\r");
    }

    void sendBytes(byte[] bytes) {
        join(socket.sendBinary(ByteBuffer.wrap(bytes), true));
    }

    /** Sends what the server may refuse halfway (it can close as soon as it reads a frame's header). */
    void sendBytesRegardless(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).exceptionally(e -> null);
    }

    void sendText(String text) {
        join(socket.sendText(text, true));
    }

    void resize(int columns, int rows) {
        sendText("{\"type\":\"resize\",\"cols\":" + columns + ",\"rows\":" + rows + "}");
    }

    private void join(CompletableFuture<WebSocket> sent) {
        try {
            sent.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("cannot send: " + e, e);
        }
    }

    // ---- waiting ----

    String awaitText(String expected) {
        return awaitText(expected, WAIT);
    }

    /** Waits for {@code expected} after what earlier waits matched; returns the text up to and with it. */
    String awaitText(String expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                int at = transcript.indexOf(expected, position);
                if (at >= 0) {
                    String seen = transcript.substring(position, at + expected.length());
                    position = at + expected.length();
                    return seen;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || closeCode != null || error != null) {
                    throw new AssertionError("never saw " + visible(expected) + (closeCode != null ? " (closed " + closeCode + ")" : "")
                            + "; the transcript ends: " + visible(tail(transcript.substring(position))));
                }
                waitOn(left);
            }
        }
    }

    /** Waits for a control message containing {@code fragment}. */
    String awaitControl(String fragment) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (lock) {
            while (true) {
                for (String message : controls) {
                    if (message.contains(fragment)) return message;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("no control message with " + fragment + " among " + controls);
                waitOn(left);
            }
        }
    }

    List<String> controls() {
        synchronized (lock) {
            return List.copyOf(controls);
        }
    }

    /** Waits until the server closes the WebSocket; returns its close code. */
    int awaitClose() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (lock) {
            while (closeCode == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("the server never closed the WebSocket" + (error != null ? "; error " + error : ""));
                if (error != null) return 1006; // the connection dropped without a close frame
                waitOn(left);
            }
            return closeCode;
        }
    }

    String closeReason() {
        synchronized (lock) {
            return closeReason;
        }
    }

    String transcript() {
        synchronized (lock) {
            return transcript.toString();
        }
    }

    byte[] rawBytes() {
        synchronized (lock) {
            return raw.toByteArray();
        }
    }

    private void waitOn(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(lock, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    // ---- receiving ----

    private final class Listener implements WebSocket.Listener {

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            synchronized (lock) {
                onBytes(bytes);
                lock.notifyAll();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            synchronized (lock) {
                partialText.append(data);
                if (last) {
                    String text = partialText.toString();
                    partialText.setLength(0);
                    if (mode == Mode.TELNET_PLAIN) {
                        onBytes(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    } else {
                        controls.add(text);
                    }
                }
                lock.notifyAll();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            synchronized (lock) {
                closeCode = statusCode;
                closeReason = reason;
                lock.notifyAll();
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable failure) {
            synchronized (lock) {
                error = failure;
                lock.notifyAll();
            }
        }
    }

    /** Bytes of the terminal stream: telnet commands out (for telnet), then UTF-8 into the transcript. */
    private void onBytes(byte[] bytes) {
        raw.writeBytes(bytes);
        ByteArrayOutputStream data = new ByteArrayOutputStream(bytes.length);
        for (byte b : bytes) {
            int v = b & 0xff;
            if (mode == Mode.TERMINAL) {
                data.write(v);
                continue;
            }
            switch (telnetState) {
                case 0 -> {
                    if (v == IAC) telnetState = 1;
                    else data.write(v);
                }
                case 1 -> {
                    if (v == IAC) {
                        data.write(v);
                        telnetState = 0;
                    } else if (v >= WILL && v <= DONT) {
                        telnetState = 2;
                    } else if (v == SB) {
                        telnetState = 3;
                    } else {
                        telnetState = 0;
                    }
                }
                case 2 -> telnetState = 0;
                case 3 -> {
                    if (v == IAC) telnetState = 4;
                }
                default -> telnetState = v == SE ? 0 : 3;
            }
        }
        byte[] text = data.toByteArray();
        ByteBuffer in = ByteBuffer.allocate(undecoded.length + text.length).put(undecoded).put(text).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, false);
        undecoded = new byte[in.remaining()];
        in.get(undecoded);
        transcript.append(out.flip());
    }

    private static String tail(String text) {
        return text.length() <= 400 ? text : "..." + text.substring(text.length() - 400);
    }

    private static String visible(String text) {
        return "\"" + text.replace("\r", "\\r").replace("\n", "\\n").replace("\u001b", "\\e") + "\"";
    }
}
