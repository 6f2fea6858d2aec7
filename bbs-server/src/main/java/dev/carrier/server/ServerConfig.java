package dev.carrier.server;

import dev.carrier.chat.ChatConfig;
import dev.carrier.session.EngineConfig;
import dev.carrier.session.Scheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code carrier serve} needs to start, after flags, environment and
 * carrier.properties have had their say.
 *
 * @param menusDir     the sysop's menus; the built-in defaults when empty
 * @param telnetPort   0 turns telnet off; {@link #EPHEMERAL} asks for any free port (tests)
 * @param passwordCost bcrypt cost factor (each step doubles the time)
 * @param awayAfter    idle time that turns an online user away
 * @param clock        the server's time; tests pass one they can move
 * @param scheduler    the server's timers; empty for real ones, tests pass one they can move
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
        Optional<Scheduler> scheduler) {

    public static final int EPHEMERAL = -1;

    public static final List<String> DEFAULT_CP437_TYPES = List.of("ansi", "ansi-bbs", "syncterm", "pcansi");

    /** What tests start: loopback only, an ephemeral telnet port, a fast hash. */
    public static ServerConfig forTests(Path dataDir) {
        return new ServerConfig(dataDir, Optional.empty(), "127.0.0.1", EPHEMERAL, DEFAULT_CP437_TYPES,
                Duration.ofMillis(300), 4, Duration.ofMinutes(15),
                EngineConfig.defaults().withLoginFailureDelay(Duration.ofMillis(50)), ChatConfig.defaults(),
                Clock.systemUTC(), Optional.empty());
    }

    public ServerConfig withEngine(EngineConfig newEngine) {
        return new ServerConfig(dataDir, menusDir, bindAddress, telnetPort, cp437TerminalTypes,
                negotiationTimeout, passwordCost, awayAfter, newEngine, chat, clock, scheduler);
    }

    public ServerConfig withChat(ChatConfig newChat) {
        return new ServerConfig(dataDir, menusDir, bindAddress, telnetPort, cp437TerminalTypes,
                negotiationTimeout, passwordCost, awayAfter, engine, newChat, clock, scheduler);
    }

    public ServerConfig withMenusDir(Path dir) {
        return new ServerConfig(dataDir, Optional.of(dir), bindAddress, telnetPort, cp437TerminalTypes,
                negotiationTimeout, passwordCost, awayAfter, engine, chat, clock, scheduler);
    }

    /** Time that tests move by hand: the clock and the timers together. */
    public <T extends Clock & Scheduler> ServerConfig withTime(T time) {
        return new ServerConfig(dataDir, menusDir, bindAddress, telnetPort, cp437TerminalTypes,
                negotiationTimeout, passwordCost, awayAfter, engine, chat, time, Optional.of(time));
    }
}
