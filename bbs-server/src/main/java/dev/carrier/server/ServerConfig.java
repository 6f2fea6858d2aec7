package dev.carrier.server;

import dev.carrier.chat.ChatConfig;
import dev.carrier.session.EngineConfig;
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
 * @param web          the browser terminal's port and guard rails
 * @param maxPerAddress connections one client address may hold over telnet and web together; 0: no limit
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
        WebOptions web,
        int maxPerAddress) {

    public static final int EPHEMERAL = -1;

    public static final List<String> DEFAULT_CP437_TYPES = List.of("ansi", "ansi-bbs", "syncterm", "pcansi");

    /** What tests start: loopback only, ephemeral telnet and web ports, a fast hash, no per-address limit. */
    public static ServerConfig forTests(Path dataDir) {
        return new ServerConfig(dataDir, Optional.empty(), "127.0.0.1", EPHEMERAL, DEFAULT_CP437_TYPES,
                Duration.ofMillis(300), 4, Duration.ofMinutes(15),
                EngineConfig.defaults().withLoginFailureDelay(Duration.ofMillis(50)), ChatConfig.defaults(),
                Clock.systemUTC(), new WebOptions(EPHEMERAL, false, List.of()), 0);
    }

    public ServerConfig withEngine(EngineConfig newEngine) {
        return new ServerConfig(dataDir, menusDir, bindAddress, telnetPort, cp437TerminalTypes,
                negotiationTimeout, passwordCost, awayAfter, newEngine, chat, clock, web, maxPerAddress);
    }

    public ServerConfig withChat(ChatConfig newChat) {
        return new ServerConfig(dataDir, menusDir, bindAddress, telnetPort, cp437TerminalTypes,
                negotiationTimeout, passwordCost, awayAfter, engine, newChat, clock, web, maxPerAddress);
    }

    public ServerConfig withMenusDir(Path dir) {
        return new ServerConfig(dataDir, Optional.of(dir), bindAddress, telnetPort, cp437TerminalTypes,
                negotiationTimeout, passwordCost, awayAfter, engine, chat, clock, web, maxPerAddress);
    }

    public ServerConfig withClock(Clock newClock) {
        return new ServerConfig(dataDir, menusDir, bindAddress, telnetPort, cp437TerminalTypes,
                negotiationTimeout, passwordCost, awayAfter, engine, chat, newClock, web, maxPerAddress);
    }

    public ServerConfig withWeb(WebOptions newWeb) {
        return new ServerConfig(dataDir, menusDir, bindAddress, telnetPort, cp437TerminalTypes,
                negotiationTimeout, passwordCost, awayAfter, engine, chat, clock, newWeb, maxPerAddress);
    }

    public ServerConfig withMaxPerAddress(int newMaxPerAddress) {
        return new ServerConfig(dataDir, menusDir, bindAddress, telnetPort, cp437TerminalTypes,
                negotiationTimeout, passwordCost, awayAfter, engine, chat, clock, web, newMaxPerAddress);
    }
}
