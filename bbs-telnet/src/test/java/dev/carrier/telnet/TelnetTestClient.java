package dev.carrier.telnet;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A blocking telnet client for integration tests, with a transcript to wait on.
 *
 * <p>{@link #connect(String, int)} behaves like a real telnet client: it answers DO TTYPE with
 * WILL TTYPE and the terminal type, DO NAWS with WILL NAWS and the window size, WILL ECHO and
 * WILL SGA with DO, and refuses every other option. {@link #connectRaw(String, int)} negotiates
 * nothing, like netcat. Either way a background thread strips telnet commands from what arrives
 * and appends the decoded text to the transcript; {@link #rawBytes()} keeps every byte as sent.
 *
 * <p>The await methods read the transcript from a position that each success moves past what
 * it matched, so consecutive waits read the conversation in order. They fail with an
 * {@link AssertionError} that shows the end of the transcript. It deliberately shares no code with
 * the server's codec, so that a wrong byte on one side is not mirrored on the other.
 *
 * <p>Thread-safe; meant to be used from a test thread while its reader thread runs.
 */
public final class TelnetTestClient implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    // Protocol bytes, written out here rather than taken from the server's code (see above).
    private static final int IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240;
    private static final int ECHO = 1, SGA = 3, TTYPE = 24, NAWS = 31;
    private static final int TTYPE_IS = 0, TTYPE_SEND = 1;
    private static final int REPLY_BUDGET = 16; // per option, so a looping server cannot spin us
    private static final int MAX_SB = 4096;

    /**
     * How the client presents itself.
     *
     * @param negotiate    false for a raw client that ignores all negotiation
     * @param terminalType sent in answer to TTYPE SEND
     * @param columns      window width sent with NAWS
     * @param rows         window height sent with NAWS
     * @param charset      for decoding the transcript and encoding {@link #send(String)}
     */
    public record Options(boolean negotiate, String terminalType, int columns, int rows, Charset charset) {
        public Options {
            Objects.requireNonNull(terminalType, "terminalType");
            Objects.requireNonNull(charset, "charset");
        }

        /** A negotiating client: xterm, 80x24, UTF-8. */
        public static Options telnet() {
            return new Options(true, "xterm", 80, 24, UTF_8);
        }

        /** A client that negotiates nothing, like netcat; UTF-8. */
        public static Options raw() {
            return new Options(false, "xterm", 80, 24, UTF_8);
        }

        public Options withTerminalType(String type) {
            return new Options(negotiate, type, columns, rows, charset);
        }

        public Options withWindowSize(int newColumns, int newRows) {
            return new Options(negotiate, terminalType, newColumns, newRows, charset);
        }

        public Options withCharset(Charset newCharset) {
            return new Options(negotiate, terminalType, columns, rows, newCharset);
        }
    }

    private enum State { DATA, IAC, VERB, SB_OPTION, SB_DATA, SB_IAC }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Options options;
    private final Thread reader;

    // Guarded by lock: what arrived, and where the awaits have read up to.
    private final Object lock = new Object();
    private final StringBuilder transcript = new StringBuilder();
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private int textPosition;
    private int rawPosition;
    private boolean closed;
    private Charset charset;
    private CharsetDecoder decoder;
    private byte[] undecoded = new byte[0];

    // Reader thread only (plus the sets, read under lock by serverWill).
    private State state = State.DATA;
    private int verb;
    private int sbOption;
    private final ByteArrayOutputStream sbPayload = new ByteArrayOutputStream();
    private final Set<Integer> serverOptions = new HashSet<>(); // server WILL, and we said DO
    private final Set<Integer> clientOptions = new HashSet<>(); // we WILL, and the server said DO
    private final int[] replies = new int[256];
    private volatile int columns;
    private volatile int rows;

    private TelnetTestClient(Socket socket, Options options) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.options = options;
        this.columns = options.columns();
        this.rows = options.rows();
        useCharset(options.charset());
        this.reader = new Thread(this::readLoop, "telnet-test-client " + socket.getLocalPort());
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Connects as a negotiating telnet client: xterm, 80x24, UTF-8. */
    public static TelnetTestClient connect(String host, int port) {
        return connect(host, port, Options.telnet());
    }

    /** Connects as described by {@code options}. */
    public static TelnetTestClient connect(String host, int port, Options options) {
        return connectFrom(null, host, port, options);
    }

    /**
     * Connects from a chosen local address (any of 127.0.0.0/8 on Linux's loopback), so a test
     * can be several callers at once; null lets the system choose.
     */
    public static TelnetTestClient connectFrom(String localAddress, String host, int port, Options options) {
        Objects.requireNonNull(options, "options");
        Socket socket = new Socket();
        try {
            if (localAddress != null) socket.bind(new InetSocketAddress(localAddress, 0));
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) DEFAULT_TIMEOUT.toMillis());
            return new TelnetTestClient(socket, options);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("cannot connect to " + host + ":" + port, e);
        }
    }

    /** Connects as a client that negotiates nothing, like netcat. */
    public static TelnetTestClient connectRaw(String host, int port) {
        return connect(host, port, Options.raw());
    }

    // ---- sending ----

    /** Sends text in the client's charset, with 0xFF doubled as telnet requires. */
    public void send(String text) {
        Charset cs;
        synchronized (lock) {
            cs = charset;
        }
        write(escape(text.getBytes(cs)));
    }

    /** Sends the text and CR LF, as a telnet client does for Enter. */
    public void sendLine(String text) {
        send(text + "\r\n");
    }

    /** Sends bytes exactly as given, IAC sequences included. */
    public void sendBytes(byte[] bytes) {
        write(bytes.clone());
    }

    /** Reports a new window size with NAWS, whether or not NAWS was negotiated. */
    public void resize(int newColumns, int newRows) {
        columns = newColumns;
        rows = newRows;
        write(nawsBytes(newColumns, newRows));
    }

    /** Decodes what arrives from now on, and encodes what {@link #send} sends, in this charset. */
    public void useCharset(Charset newCharset) {
        synchronized (lock) {
            charset = Objects.requireNonNull(newCharset, "charset");
            decoder = newCharset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            undecoded = new byte[0];
        }
    }

    // ---- waiting ----

    /** {@link #awaitText(String, Duration)} with {@link #DEFAULT_TIMEOUT}. */
    public String awaitText(String expected) {
        return awaitText(expected, DEFAULT_TIMEOUT);
    }

    /**
     * Waits until {@code expected} appears in the transcript after the read position, returns
     * everything from that position up to and including it, and moves the position past it.
     *
     * @throws AssertionError on timeout or when the connection closes first
     */
    public String awaitText(String expected, Duration timeout) {
        Objects.requireNonNull(expected, "expected");
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                int at = transcript.indexOf(expected, textPosition);
                if (at >= 0) {
                    int end = at + expected.length();
                    String read = transcript.substring(textPosition, end);
                    textPosition = end;
                    return read;
                }
                waitOrFail(deadline, timeout, "text \"" + visible(expected) + "\"");
            }
        }
    }

    /** {@link #awaitPattern(Pattern, Duration)} with {@link #DEFAULT_TIMEOUT}. */
    public MatchResult awaitPattern(Pattern pattern) {
        return awaitPattern(pattern, DEFAULT_TIMEOUT);
    }

    /**
     * Waits until {@code pattern} matches the transcript after the read position and moves the
     * position past the match. Text is matched as it arrives, so a pattern that can match a
     * prefix of what is meant ({@code \d+}) should end in something that marks the end.
     *
     * @throws AssertionError on timeout or when the connection closes first
     */
    public MatchResult awaitPattern(Pattern pattern, Duration timeout) {
        Objects.requireNonNull(pattern, "pattern");
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                Matcher m = pattern.matcher(transcript);
                m.region(textPosition, transcript.length());
                if (m.find()) {
                    textPosition = m.end();
                    return m.toMatchResult();
                }
                waitOrFail(deadline, timeout, "pattern /" + pattern + "/");
            }
        }
    }

    /**
     * Waits until {@code expected} appears in the raw bytes (IAC sequences included) after the
     * raw read position, and moves that position past it.
     *
     * @throws AssertionError on timeout or when the connection closes first
     */
    public void awaitBytes(byte[] expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                byte[] all = raw.toByteArray();
                int at = indexOf(all, expected, rawPosition);
                if (at >= 0) {
                    rawPosition = at + expected.length;
                    return;
                }
                waitOrFail(deadline, timeout, "bytes " + hex(expected));
            }
        }
    }

    /** {@link #awaitBytes(byte[], Duration)} with {@link #DEFAULT_TIMEOUT}. */
    public void awaitBytes(byte[] expected) {
        awaitBytes(expected, DEFAULT_TIMEOUT);
    }

    /** {@link #awaitClosed(Duration)} with {@link #DEFAULT_TIMEOUT}. */
    public boolean awaitClosed() {
        return awaitClosed(DEFAULT_TIMEOUT);
    }

    /** Waits until the server closes the connection; true if it did within the timeout. */
    public boolean awaitClosed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                waitNanos(left);
            }
            return true;
        }
    }

    private void waitOrFail(long deadline, Duration timeout, String what) {
        if (closed) {
            throw new AssertionError("connection closed while waiting for " + what + "; unread transcript:\n"
                    + tail(transcript.substring(textPosition)));
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new AssertionError("no " + what + " within " + timeout.toMillis() + " ms; unread transcript:\n"
                    + tail(transcript.substring(textPosition)));
        }
        waitNanos(left);
    }

    private void waitNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(lock, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }

    // ---- what arrived ----

    /** All text received so far, telnet commands stripped. */
    public String transcript() {
        synchronized (lock) {
            return transcript.toString();
        }
    }

    /** The text after the read position, without waiting and without moving it. */
    public String unread() {
        synchronized (lock) {
            return transcript.substring(textPosition);
        }
    }

    /** Every byte received so far, exactly as sent, IAC sequences included. */
    public byte[] rawBytes() {
        synchronized (lock) {
            return raw.toByteArray();
        }
    }

    /** Whether the server performs {@code option} with this client's agreement (ECHO, SGA). */
    public boolean serverWill(int option) {
        synchronized (lock) {
            return serverOptions.contains(option);
        }
    }

    /** Whether the connection is closed (by either side). */
    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            reader.join(DEFAULT_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the reader thread ----

    private void readLoop() {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                onBytes(buffer, n);
            }
        } catch (IOException | UncheckedIOException e) {
            // closed by us or reset by the server (maybe while we replied): the conversation is over
        } finally {
            synchronized (lock) {
                closed = true;
                lock.notifyAll();
            }
        }
    }

    private void onBytes(byte[] buffer, int n) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(n);
        for (int i = 0; i < n; i++) {
            int b = buffer[i] & 0xff;
            switch (state) {
                case DATA -> {
                    if (b == IAC) state = State.IAC;
                    else data.write(b);
                }
                case IAC -> {
                    if (b == IAC) {
                        data.write(b);
                        state = State.DATA;
                    } else if (b >= WILL && b <= DONT) {
                        verb = b;
                        state = State.VERB;
                    } else if (b == SB) {
                        state = State.SB_OPTION;
                    } else {
                        state = State.DATA; // NOP, GA, a stray SE...: nothing to show
                    }
                }
                case VERB -> {
                    onNegotiation(verb, b);
                    state = State.DATA;
                }
                case SB_OPTION -> {
                    sbOption = b;
                    sbPayload.reset();
                    state = State.SB_DATA;
                }
                case SB_DATA -> {
                    if (b == IAC) state = State.SB_IAC;
                    else if (sbPayload.size() < MAX_SB) sbPayload.write(b);
                }
                case SB_IAC -> {
                    if (b == SE) {
                        onSubnegotiation(sbOption, sbPayload.toByteArray());
                        state = State.DATA;
                    } else {
                        if (sbPayload.size() < MAX_SB) sbPayload.write(b);
                        state = State.SB_DATA;
                    }
                }
            }
        }
        synchronized (lock) {
            raw.write(buffer, 0, n);
            decodeInto(data.toByteArray());
            lock.notifyAll();
        }
    }

    /** Decodes data bytes into the transcript, keeping an unfinished character for the next read. */
    private void decodeInto(byte[] bytes) {
        ByteBuffer bb = ByteBuffer.allocate(undecoded.length + bytes.length);
        bb.put(undecoded).put(bytes).flip();
        CharBuffer cb = CharBuffer.allocate((int) (bb.remaining() * (double) decoder.maxCharsPerByte()) + 2);
        decoder.decode(bb, cb, false);
        undecoded = new byte[bb.remaining()];
        bb.get(undecoded);
        transcript.append(cb.flip());
    }

    private void onNegotiation(int verb, int option) {
        if (!options.negotiate()) return;
        switch (verb) {
            case WILL -> {
                if (option == ECHO || option == SGA) {
                    if (addOption(serverOptions, option)) reply(DO, option);
                } else if (!containsOption(serverOptions, option)) {
                    reply(DONT, option);
                }
            }
            case WONT -> {
                if (removeOption(serverOptions, option)) reply(DONT, option);
            }
            case DO -> {
                if (option == TTYPE || option == NAWS) {
                    if (addOption(clientOptions, option)) {
                        reply(WILL, option);
                        if (option == NAWS) write(nawsBytes(columns, rows));
                    }
                } else if (!containsOption(clientOptions, option)) {
                    reply(WONT, option);
                }
            }
            case DONT -> {
                if (removeOption(clientOptions, option)) reply(WONT, option);
            }
            default -> { }
        }
    }

    private void onSubnegotiation(int option, byte[] payload) {
        if (!options.negotiate()) return;
        if (option == TTYPE && payload.length >= 1 && payload[0] == TTYPE_SEND && containsOption(clientOptions, TTYPE)) {
            ByteArrayOutputStream sb = new ByteArrayOutputStream();
            sb.write(IAC);
            sb.write(SB);
            sb.write(TTYPE);
            sb.write(TTYPE_IS);
            sb.writeBytes(escape(options.terminalType().getBytes(US_ASCII)));
            sb.write(IAC);
            sb.write(SE);
            write(sb.toByteArray());
        }
    }

    private void reply(int verb, int option) {
        if (replies[option]++ < REPLY_BUDGET) {
            write(new byte[] {(byte) IAC, (byte) verb, (byte) option});
        }
    }

    private boolean addOption(Set<Integer> set, int option) {
        synchronized (lock) {
            return set.add(option);
        }
    }

    private boolean removeOption(Set<Integer> set, int option) {
        synchronized (lock) {
            return set.remove(option);
        }
    }

    private boolean containsOption(Set<Integer> set, int option) {
        synchronized (lock) {
            return set.contains(option);
        }
    }

    // ---- bytes ----

    private void write(byte[] bytes) {
        try {
            synchronized (out) {
                out.write(bytes);
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send to the server", e);
        }
    }

    private static byte[] nawsBytes(int columns, int rows) {
        byte[] size = {(byte) (columns >> 8), (byte) columns, (byte) (rows >> 8), (byte) rows};
        ByteArrayOutputStream sb = new ByteArrayOutputStream();
        sb.write(IAC);
        sb.write(SB);
        sb.write(NAWS);
        sb.writeBytes(escape(size));
        sb.write(IAC);
        sb.write(SE);
        return sb.toByteArray();
    }

    private static byte[] escape(byte[] bytes) {
        ByteArrayOutputStream escaped = new ByteArrayOutputStream(bytes.length + 8);
        for (byte b : bytes) {
            escaped.write(b);
            if (b == (byte) IAC) escaped.write(b);
        }
        return escaped.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) sb.append(String.format("%02x ", b & 0xff));
        return sb.toString().trim();
    }

    /** The last part of some text, control characters shown as escapes so the failure reads well. */
    private static String tail(String text) {
        int max = 800;
        String part = text.length() > max ? "..." + text.substring(text.length() - max) : text;
        return visible(part);
    }

    private static String visible(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n\n");
                case '\t' -> sb.append("\\t");
                case 0x1b -> sb.append("\\e");
                default -> {
                    if (c < 0x20 || c == 0x7f) sb.append(String.format("\\x%02x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
