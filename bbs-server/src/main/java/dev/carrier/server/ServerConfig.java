package dev.carrier.server;

import dev.carrier.chat.ChatConfig;
import dev.carrier.session.EngineConfig;
import dev.carrier.session.Scheduler;
import dev.carrier.netty.OutputLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code carrier serve} needs to start, after flags, environment and
 * carrier.properties have had their say.
 *
 * @param menusDir      the sysop's menus; the built-in defaults when empty
 * @param telnetPort    0 turns telnet off; {@link #EPHEMERAL} asks for any free port (tests)
 * @param passwordCost  bcrypt cost factor (each step doubles the time)
 * @param awayAfter     idle time that turns an online user away
 * @param clock         the server's time; tests pass one they can move
 * @param scheduler     the server's timers; empty for real ones, tests pass one they can move
 * @param web           the browser terminal's port and guard rails
 * @param maxPerAddress connections one client address may hold over telnet and web together; 0: no limit
 * @param tokenTtl      how long a JSON client's login token lives
 * @param telnetKeepalive how often telnet clients get an IAC NOP, so vanished ones are noticed; 0: never
 * @param output        how long a connection's output may stay blocked, and how much may wait, before a
 *                      client that does not read is hung up on (every transport and the admin endpoint)
 */
public record ServerConfig(
        Path dataDir,
        Optional<Path> menusDir,
        String bindAddress,
        int telnetPort,
        List<String> cp437TerminalTypes,
        Duration negotiationTimeout,
        int passwordCost,
        Duration awayAfter,
        EngineConfig engine,
        ChatConfig chat,
        Clock clock,
        Optional<Scheduler> scheduler,
        WebOptions web,
        int maxPerAddress,
        Duration tokenTtl,
        Duration telnetKeepalive,
        OutputLimits output) {

    public static final int EPHEMERAL = -1;

    /** With the default output limits. */
    public ServerConfig(Path dataDir, Optional<Path> menusDir, String bindAddress, int telnetPort,
                        List<String> cp437TerminalTypes, Duration negotiationTimeout, int passwordCost,
                        Duration awayAfter, EngineConfig engine, ChatConfig chat, Clock clock,
                        Optional<Scheduler> scheduler, WebOptions web, int maxPerAddress, Duration tokenTtl,
                        Duration telnetKeepalive) {
        this(dataDir, menusDir, bindAddress, telnetPort, cp437TerminalTypes, negotiationTimeout, passwordCost,
                awayAfter, engine, chat, clock, scheduler, web, maxPerAddress, tokenTtl, telnetKeepalive,
                OutputLimits.defaults());
    }

    public static final List<String> DEFAULT_CP437_TYPES = List.of("ansi", "ansi-bbs", "syncterm", "pcansi");

    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofDays(30);

    /** What tests start: loopback only, ephemeral ports, a fast hash, no per-address limit. */
    public static ServerConfig forTests(Path dataDir) {
        return new ServerConfig(dataDir, Optional.empty(), "127.0.0.1", EPHEMERAL, DEFAULT_CP437_TYPES,
                Duration.ofMillis(300), 4, Duration.ofMinutes(15),
                EngineConfig.defaults().withLoginFailureDelay(Duration.ofMillis(50)), ChatConfig.defaults(),
                Clock.systemUTC(), Optional.empty(), new WebOptions(EPHEMERAL, false, List.of()), 0,
                DEFAULT_TOKEN_TTL, Duration.ofSeconds(60));
    }

    public ServerConfig withEngine(EngineConfig newEngine) {
        return new ServerConfig(dataDir, menusDir, bindAddress, telnetPort, cp437TerminalTypes, negotiationTimeout,
                passwordCost, awayAfter, newEngine, chat, clock, scheduler, web, maxPerAddress, tokenTtl, telnetKeepalive, output);
    }

    public ServerConfig withChat(ChatConfig newChat) {
        return new ServerConfig(dataDir, menusDir, bindAddress, telnetPort, cp437TerminalTypes, negotiationTimeout,
                passwordCost, awayAfter, engine, newChat, clock, scheduler, web, maxPerAddress, tokenTtl, telnetKeepalive, output);
    }

    public ServerConfig withMenusDir(Path dir) {
        return new ServerConfig(dataDir, Optional.of(dir), bindAddress, telnetPort, cp437TerminalTypes,
                negotiationTimeout, passwordCost, awayAfter, engine, chat, clock, scheduler, web, maxPerAddress,
                tokenTtl, telnetKeepalive, output);
    }

    /** Time that tests move by hand: the clock and the timers together. */
    public <T extends Clock & Scheduler> ServerConfig withTime(T time) {
        return new ServerConfig(dataDir, menusDir, bindAddress, telnetPort, cp437TerminalTypes, negotiationTimeout,
                passwordCost, awayAfter, engine, chat, time, Optional.of(time), web, maxPerAddress, tokenTtl, telnetKeepalive, output);
    }

    public ServerConfig withTelnetKeepalive(Duration interval) {
        return new ServerConfig(dataDir, menusDir, bindAddress, telnetPort, cp437TerminalTypes, negotiationTimeout,
                passwordCost, awayAfter, engine, chat, clock, scheduler, web, maxPerAddress, tokenTtl, interval, output);
    }

    public ServerConfig withWeb(WebOptions newWeb) {
        return new ServerConfig(dataDir, menusDir, bindAddress, telnetPort, cp437TerminalTypes, negotiationTimeout,
                passwordCost, awayAfter, engine, chat, clock, scheduler, newWeb, maxPerAddress, tokenTtl, telnetKeepalive, output);
    }

    public ServerConfig withMaxPerAddress(int newMaxPerAddress) {
        return new ServerConfig(dataDir, menusDir, bindAddress, telnetPort, cp437TerminalTypes, negotiationTimeout,
                passwordCost, awayAfter, engine, chat, clock, scheduler, web, newMaxPerAddress, tokenTtl, telnetKeepalive, output);
    }

    public ServerConfig withOutput(OutputLimits newOutput) {
        return new ServerConfig(dataDir, menusDir, bindAddress, telnetPort, cp437TerminalTypes, negotiationTimeout,
                passwordCost, awayAfter, engine, chat, clock, scheduler, web, maxPerAddress, tokenTtl, telnetKeepalive,
                newOutput);
    }
}
