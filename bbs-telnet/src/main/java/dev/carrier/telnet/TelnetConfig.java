package dev.carrier.telnet;

import dev.carrier.netty.OutputLimits;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the telnet transport listens and treats its clients.
 *
 * @param bindHost           the address to listen on; {@code 0.0.0.0} for every interface
 * @param port               the TCP port; 0 picks a free one (see {@link TelnetServer#start()})
 * @param cp437TerminalTypes terminal types (compared case-insensitively) that get CP437 instead
 *                           of UTF-8: ANSI-BBS clients draw with the IBM PC character set
 * @param negotiationTimeout how long a new connection waits for the client to tell its terminal
 *                           type before the session starts anyway (clients like netcat never do)
 * @param keepaliveInterval  how often a client that speaks telnet gets an IAC NOP, so a vanished
 *                           one is noticed (TCP keepalive covers the rest); zero turns it off
 * @param output             how long output may stay blocked, and how much may wait, before a client
 *                           that does not read is hung up on
 */
public record TelnetConfig(String bindHost, int port, Set<String> cp437TerminalTypes, Duration negotiationTimeout,
                           Duration keepaliveInterval, OutputLimits output) {

    public static final String DEFAULT_BIND_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 2323;
    /** Telnet inside TLS (telnets): the port SyncTERM and NetRunner expect; it listens only when TLS is on. */
    public static final int DEFAULT_TELNETS_PORT = 992;
    /**
     * The terminal types that get CP437 by default, as the command line takes them: the ANSI-BBS
     * names, and {@code cp437}/{@code ibm437}, which some clients send as their terminal type.
     */
    public static final String DEFAULT_CP437_TERMINAL_TYPE_LIST = "ansi,ansi-bbs,syncterm,pcansi,cp437,ibm437";
    public static final Set<String> DEFAULT_CP437_TERMINAL_TYPES = Set.of(DEFAULT_CP437_TERMINAL_TYPE_LIST.split(","));
    public static final Duration DEFAULT_NEGOTIATION_TIMEOUT = Duration.ofSeconds(1);
    /** In seconds, so that the command line can show it as text ({@code 60s}). */
    public static final int DEFAULT_KEEPALIVE_SECONDS = 60;
    public static final Duration DEFAULT_KEEPALIVE_INTERVAL = Duration.ofSeconds(DEFAULT_KEEPALIVE_SECONDS);

    /** The IBM PC character set that ANSI-BBS clients draw box and shade characters with. */
    public static final Charset CP437 = Charset.forName("IBM437");

    /** Longer would leave a user staring at a blank screen. */
    private static final Duration MAX_NEGOTIATION_TIMEOUT = Duration.ofSeconds(30);

    public TelnetConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(cp437TerminalTypes, "cp437TerminalTypes");
        Objects.requireNonNull(negotiationTimeout, "negotiationTimeout");
        Objects.requireNonNull(keepaliveInterval, "keepaliveInterval");
        Objects.requireNonNull(output, "output");
        if (keepaliveInterval.isNegative()) {
            throw new IllegalArgumentException("telnet keepalive interval must be 0 (off) or more, was " + keepaliveInterval);
        }
        if (bindHost.isBlank()) {
            throw new IllegalArgumentException("telnet bind host must be an address or name, such as 0.0.0.0 or 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("telnet port must be 0-65535 (0 picks a free port), was " + port);
        }
        if (negotiationTimeout.isNegative() || negotiationTimeout.compareTo(MAX_NEGOTIATION_TIMEOUT) > 0) {
            throw new IllegalArgumentException(
                    "telnet negotiation timeout must be between 0 and 30 seconds, was " + negotiationTimeout);
        }
        cp437TerminalTypes = cp437TerminalTypes.stream()
                .map(t -> t.trim().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The default output limits. */
    public TelnetConfig(String bindHost, int port, Set<String> cp437TerminalTypes, Duration negotiationTimeout,
                        Duration keepaliveInterval) {
        this(bindHost, port, cp437TerminalTypes, negotiationTimeout, keepaliveInterval, OutputLimits.defaults());
    }

    /** Port 2323 on every interface, the default CP437 types, and a one second negotiation. */
    public static TelnetConfig defaults() {
        return new TelnetConfig(DEFAULT_BIND_HOST, DEFAULT_PORT, DEFAULT_CP437_TERMINAL_TYPES, DEFAULT_NEGOTIATION_TIMEOUT,
                DEFAULT_KEEPALIVE_INTERVAL, OutputLimits.defaults());
    }

    public TelnetConfig withBindHost(String newBindHost) {
        return new TelnetConfig(newBindHost, port, cp437TerminalTypes, negotiationTimeout, keepaliveInterval, output);
    }

    public TelnetConfig withPort(int newPort) {
        return new TelnetConfig(bindHost, newPort, cp437TerminalTypes, negotiationTimeout, keepaliveInterval, output);
    }

    public TelnetConfig withCp437TerminalTypes(Set<String> newTypes) {
        return new TelnetConfig(bindHost, port, newTypes, negotiationTimeout, keepaliveInterval, output);
    }

    public TelnetConfig withNegotiationTimeout(Duration newTimeout) {
        return new TelnetConfig(bindHost, port, cp437TerminalTypes, newTimeout, keepaliveInterval, output);
    }

    public TelnetConfig withKeepaliveInterval(Duration interval) {
        return new TelnetConfig(bindHost, port, cp437TerminalTypes, negotiationTimeout, interval, output);
    }

    public TelnetConfig withOutput(OutputLimits newOutput) {
        return new TelnetConfig(bindHost, port, cp437TerminalTypes, negotiationTimeout, keepaliveInterval, newOutput);
    }

    /** CP437 for the configured ANSI-BBS terminal types, UTF-8 for everything else. */
    public Charset charsetFor(String terminalType) {
        return terminalType != null && cp437TerminalTypes.contains(terminalType.trim().toLowerCase(Locale.ROOT))
                ? CP437
                : StandardCharsets.UTF_8;
    }
}
