package dev.carrier.server;

import dev.carrier.chat.ChatConfig;
import dev.carrier.chat.HistoryRetention;
import dev.carrier.runtime.Scheduler;
import dev.carrier.session.EngineConfig;
import dev.carrier.netty.OutputLimits;
import dev.carrier.cluster.ClusterConfig;
import dev.carrier.store.Database;
import dev.carrier.store.PostgresUrl;
import dev.carrier.ssh.SshConfig;
import dev.carrier.telnet.TelnetConfig;
import dev.carrier.tls.TlsConfig;
import dev.carrier.user.BcryptPasswordHasher;
import dev.carrier.web.ProxyTrust;
import dev.carrier.web.WebConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything {@code carrier serve} needs to start, after flags, environment and
 * carrier.properties have had their say: each module's own config, and what the wiring itself
 * uses. Made by a {@link Builder}, which starts from every default and checks each value as it is
 * set; {@link #toBuilder()} changes a copy.
 *
 * @param database      PostgreSQL when given; else the SQLite file in {@code dataDir}
 * @param cluster       this server's name, and the NATS server of its cluster when it is one of several
 * @param menusDir      the sysop's menus; the built-in defaults when empty
 * @param telnetPort    whether and where telnet listens; {@link #telnet()}'s own port follows it
 * @param webPort       whether and where the web listens; {@link #web()}'s own port follows it
 * @param telnet        how telnet treats its clients; the web's {@code /telnet} treats them the same
 * @param web           the browser terminal's guard rails, proxies and pings
 * @param sshPort       whether and where SSH listens; {@link #ssh()}'s own port follows it
 * @param ssh           how SSH listens (its output limits are every transport's)
 * @param telnetsPort   where telnet inside TLS listens, when {@link #tls()} is on; {@link #telnets()} follows it
 * @param tls           whether the web port speaks HTTPS and telnets listens, with which certificate
 * @param maxPerAddress connections one client address may hold over telnet and web together; 0: no limit
 * @param passwordCost  bcrypt cost factor (each step doubles the time)
 * @param chatHistory   how much of each room's history is kept
 * @param awayAfter     idle time that turns an online user away
 * @param tokenTtl      how long a JSON client's login token lives
 * @param presenceTtl   how old a JSON client's last beacon may grow before it counts as gone
 * @param clock         the server's time; tests pass one they can move
 * @param scheduler     the server's timers; empty for real ones, tests pass one they can move
 */
public record ServerConfig(
        Path dataDir,
        Optional<PostgresUrl> database,
        ClusterConfig cluster,
        Optional<Path> menusDir,
        Port telnetPort,
        Port webPort,
        TelnetConfig telnet,
        WebConfig web,
        Port sshPort,
        SshConfig ssh,
        Port telnetsPort,
        TlsConfig tls,
        int maxPerAddress,
        EngineConfig engine,
        ChatConfig chat,
        HistoryRetention chatHistory,
        int passwordCost,
        Duration awayAfter,
        Duration tokenTtl,
        Duration presenceTtl,
        Clock clock,
        Optional<Scheduler> scheduler) {

    public static final int DEFAULT_MAX_PER_ADDRESS = 8;
    /** In minutes, so that the command line can show it as text ({@code 15m}). */
    public static final int DEFAULT_AWAY_AFTER_MINUTES = 15;
    public static final Duration DEFAULT_AWAY_AFTER = Duration.ofMinutes(DEFAULT_AWAY_AFTER_MINUTES);
    /** In days, so that the command line can show it as text ({@code 30d}). */
    public static final int DEFAULT_TOKEN_TTL_DAYS = 30;
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofDays(DEFAULT_TOKEN_TTL_DAYS);
    /** In minutes, so that the command line can show it as text ({@code 5m}). */
    public static final int DEFAULT_PRESENCE_TTL_MINUTES = 5;
    public static final Duration DEFAULT_PRESENCE_TTL = Duration.ofMinutes(DEFAULT_PRESENCE_TTL_MINUTES);

    public ServerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(cluster, "cluster");
        if (cluster.on() && database.isEmpty()) {
            throw new IllegalArgumentException("--cluster needs --database postgresql://...: the servers of a cluster"
                    + " share one database, and the SQLite file cannot be shared between machines");
        }
        Objects.requireNonNull(menusDir, "menusDir");
        Objects.requireNonNull(telnetPort, "telnetPort");
        Objects.requireNonNull(webPort, "webPort");
        Objects.requireNonNull(telnet, "telnet");
        Objects.requireNonNull(web, "web");
        Objects.requireNonNull(sshPort, "sshPort");
        Objects.requireNonNull(ssh, "ssh");
        Objects.requireNonNull(telnetsPort, "telnetsPort");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(chatHistory, "chatHistory");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(scheduler, "scheduler");
        telnet = telnet.withPort(telnetPort.isOff() ? 0 : telnetPort.bindNumber());
        web = web.withPort(webPort.isOff() ? 0 : webPort.bindNumber()).withTelnet(telnet.withPort(0));
        ssh = ssh.withPort(sshPort.isOff() ? 0 : sshPort.bindNumber());
        if (maxPerAddress < 0) {
            throw new IllegalArgumentException("--max-per-address must be 0 (no limit) or more, was " + maxPerAddress);
        }
        if (passwordCost < BcryptPasswordHasher.MIN_COST || passwordCost > BcryptPasswordHasher.MAX_COST) {
            throw new IllegalArgumentException("--password-cost must be " + BcryptPasswordHasher.MIN_COST + " to "
                    + BcryptPasswordHasher.MAX_COST + ", was " + passwordCost);
        }
        positive(awayAfter, "--away-after");
        positive(tokenTtl, "--token-ttl");
        positive(presenceTtl, "--presence-ttl");
    }

    private static void positive(Duration duration, String option) {
        Objects.requireNonNull(duration, option);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(option + " must be above 0, such as 15m; was " + duration);
        }
    }

    /** Whether telnets listens: TLS is on and its port is not off. */
    public boolean telnetsOn() {
        return tls.isOn() && !telnetsPort.isOff();
    }

    /** How telnets treats its clients: as telnet does, on its own port. */
    public TelnetConfig telnets() {
        return telnet.withPort(telnetsPort.isOff() ? 0 : telnetsPort.bindNumber());
    }

    /** Every default: the ones {@code carrier serve} starts with when given no options. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What tests start: loopback only, any free ports, a fast hash, quick retries, no per-address
     * limit; SSH off (its tests turn it on with {@code sshPort(Port.anyFree())}); TLS off (its tests
     * turn it on with {@code tls(...)}, telnets then on a free port).
     */
    public static ServerConfig forTests(Path dataDir) {
        return builder().dataDir(dataDir).bindAddress("127.0.0.1")
                .telnetPort(Port.anyFree()).webPort(Port.anyFree()).sshPort(Port.off()).telnetsPort(Port.anyFree())
                .negotiationTimeout(Duration.ofMillis(300)).passwordCost(BcryptPasswordHasher.MIN_COST)
                .engine(EngineConfig.defaults().withLoginFailureDelay(Duration.ofMillis(50)))
                .maxPerAddress(0)
                .build();
    }

    /** A builder holding this config's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public ServerConfig withEngine(EngineConfig newEngine) {
        return toBuilder().engine(newEngine).build();
    }

    public ServerConfig withChat(ChatConfig newChat) {
        return toBuilder().chat(newChat).build();
    }

    public ServerConfig withMenusDir(Path dir) {
        return toBuilder().menusDir(dir).build();
    }

    /** Time that tests move by hand: the clock and the timers together. */
    public <T extends Clock & Scheduler> ServerConfig withTime(T time) {
        return toBuilder().time(time).build();
    }

    public ServerConfig withTelnetKeepalive(Duration interval) {
        return toBuilder().telnetKeepalive(interval).build();
    }

    public ServerConfig withMaxPerAddress(int newMaxPerAddress) {
        return toBuilder().maxPerAddress(newMaxPerAddress).build();
    }

    public ServerConfig withOutput(OutputLimits newOutput) {
        return toBuilder().output(newOutput).build();
    }

    /**
     * Copy-on-change: each setter checks its value at once (through the module's own config), so
     * a bad one fails with the reason before anything starts.
     */
    public static final class Builder {

        private Path dataDir = Path.of(Database.DEFAULT_DATA_DIR);
        private Optional<PostgresUrl> database = Optional.empty();
        private ClusterConfig cluster = ClusterConfig.single();
        private Optional<Path> menusDir = Optional.empty();
        private Port telnetPort = Port.of(TelnetConfig.DEFAULT_PORT);
        private Port webPort = Port.of(WebConfig.DEFAULT_PORT);
        private TelnetConfig telnet = TelnetConfig.defaults();
        private WebConfig web = WebConfig.defaults();
        private Port sshPort = Port.of(SshConfig.DEFAULT_PORT);
        private SshConfig ssh = SshConfig.defaults();
        private Port telnetsPort = Port.of(TelnetConfig.DEFAULT_TELNETS_PORT);
        private TlsConfig tls = TlsConfig.off();
        private int maxPerAddress = DEFAULT_MAX_PER_ADDRESS;
        private EngineConfig engine = EngineConfig.defaults();
        private ChatConfig chat = ChatConfig.defaults();
        private HistoryRetention chatHistory = HistoryRetention.defaults();
        private int passwordCost = BcryptPasswordHasher.DEFAULT_COST;
        private Duration awayAfter = DEFAULT_AWAY_AFTER;
        private Duration tokenTtl = DEFAULT_TOKEN_TTL;
        private Duration presenceTtl = DEFAULT_PRESENCE_TTL;
        private Clock clock = Clock.systemUTC();
        private Optional<Scheduler> scheduler = Optional.empty();

        private Builder() {
        }

        private Builder(ServerConfig config) {
            dataDir = config.dataDir;
            database = config.database;
            cluster = config.cluster;
            menusDir = config.menusDir;
            telnetPort = config.telnetPort;
            webPort = config.webPort;
            telnet = config.telnet;
            web = config.web;
            sshPort = config.sshPort;
            ssh = config.ssh;
            telnetsPort = config.telnetsPort;
            tls = config.tls;
            maxPerAddress = config.maxPerAddress;
            engine = config.engine;
            chat = config.chat;
            chatHistory = config.chatHistory;
            passwordCost = config.passwordCost;
            awayAfter = config.awayAfter;
            tokenTtl = config.tokenTtl;
            presenceTtl = config.presenceTtl;
            clock = config.clock;
            scheduler = config.scheduler;
        }

        public Builder dataDir(Path dir) {
            dataDir = Objects.requireNonNull(dir, "dataDir");
            return this;
        }

        /** PostgreSQL instead of the data folder's SQLite file; empty for the file. */
        public Builder database(Optional<PostgresUrl> url) {
            database = Objects.requireNonNull(url, "database");
            return this;
        }

        /** One of several servers on a NATS server, or on its own; and its name either way. */
        public Builder cluster(ClusterConfig config) {
            cluster = Objects.requireNonNull(config, "cluster");
            return this;
        }

        public Builder menusDir(Path dir) {
            menusDir = Optional.ofNullable(dir);
            return this;
        }

        /** Where both transports listen. */
        public Builder bindAddress(String address) {
            telnet = telnet.withBindHost(address);
            web = web.withBindHost(address);
            ssh = ssh.withBindHost(address);
            return this;
        }

        public Builder telnetPort(Port port) {
            telnetPort = Objects.requireNonNull(port, "telnetPort");
            return this;
        }

        public Builder sshPort(Port port) {
            sshPort = Objects.requireNonNull(port, "sshPort");
            return this;
        }

        /** Telnet inside TLS; listens only while {@link #tls} is on. */
        public Builder telnetsPort(Port port) {
            telnetsPort = Objects.requireNonNull(port, "telnetsPort");
            return this;
        }

        /** TLS for the web port and telnets: the certificate, redirects, handshake time. */
        public Builder tls(TlsConfig config) {
            tls = Objects.requireNonNull(config, "tls");
            return this;
        }

        public Builder webPort(Port port) {
            webPort = Objects.requireNonNull(port, "webPort");
            return this;
        }

        public Builder cp437TerminalTypes(Collection<String> types) {
            telnet = telnet.withCp437TerminalTypes(Set.copyOf(types));
            return this;
        }

        public Builder negotiationTimeout(Duration timeout) {
            telnet = telnet.withNegotiationTimeout(timeout);
            return this;
        }

        public Builder telnetKeepalive(Duration interval) {
            telnet = telnet.withKeepaliveInterval(interval);
            return this;
        }

        /** Output limits for every transport. */
        public Builder output(OutputLimits limits) {
            telnet = telnet.withOutput(limits);
            web = web.withOutput(limits);
            ssh = ssh.withOutput(limits);
            return this;
        }

        /** Reads proxy headers from the trusted proxies (loopback unless set), or stops reading them. */
        public Builder trustProxy(boolean trust) {
            web = web.withTrustProxy(trust);
            return this;
        }

        /** Whose header names the client: {@code trusted} addresses or CIDR blocks, and the one header. */
        public Builder proxy(boolean trust, List<String> trusted, String header) {
            web = web.withProxy(ProxyTrust.of(trust, trusted, header));
            return this;
        }

        public Builder allowedOrigins(List<String> origins) {
            web = web.withAllowedOrigins(origins);
            return this;
        }

        public Builder publicHosts(List<String> hosts) {
            web = web.withPublicHosts(hosts);
            return this;
        }

        public Builder pings(Duration interval, Duration timeout) {
            web = web.withPings(interval, timeout);
            return this;
        }

        public Builder maxPerAddress(int max) {
            maxPerAddress = max;
            return this;
        }

        public Builder engine(EngineConfig config) {
            engine = Objects.requireNonNull(config, "engine");
            return this;
        }

        public Builder chat(ChatConfig config) {
            chat = Objects.requireNonNull(config, "chat");
            return this;
        }

        public Builder passwordCost(int cost) {
            passwordCost = cost;
            return this;
        }

        public Builder chatHistory(HistoryRetention retention) {
            chatHistory = Objects.requireNonNull(retention, "chatHistory");
            return this;
        }

        public Builder awayAfter(Duration idle) {
            awayAfter = idle;
            return this;
        }

        public Builder tokenTtl(Duration ttl) {
            tokenTtl = ttl;
            return this;
        }

        public Builder presenceTtl(Duration ttl) {
            presenceTtl = ttl;
            return this;
        }

        /** Time that tests move by hand: the clock and the timers together. */
        public <T extends Clock & Scheduler> Builder time(T time) {
            clock = time;
            scheduler = Optional.of(time);
            return this;
        }

        /** Checks what no single setter can, and makes the config. */
        public ServerConfig build() {
            return new ServerConfig(dataDir, database, cluster, menusDir, telnetPort, webPort, telnet, web, sshPort, ssh, telnetsPort, tls,
                    maxPerAddress, engine, chat, chatHistory, passwordCost, awayAfter, tokenTtl, presenceTtl, clock,
                    scheduler);
        }
    }
}
