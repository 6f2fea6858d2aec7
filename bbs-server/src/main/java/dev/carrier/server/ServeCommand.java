package dev.carrier.server;

import dev.carrier.admin.AdminConfig;
import dev.carrier.chat.ChatConfig;
import dev.carrier.cluster.ClusterConfig;
import dev.carrier.chat.HistoryRetention;
import dev.carrier.chat.ReaderBudget;
import dev.carrier.auth.LoginLimits;
import dev.carrier.session.EngineConfig;
import dev.carrier.netty.OutputLimits;
import dev.carrier.ssh.SshConfig;
import dev.carrier.store.Database;
import dev.carrier.store.PostgresUrl;
import dev.carrier.telnet.TelnetConfig;
import dev.carrier.tls.TlsConfig;
import dev.carrier.user.BcryptPasswordHasher;
import dev.carrier.web.ProxyTrust;
import dev.carrier.web.WebConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code carrier serve}: runs the BBS until Ctrl-C or SIGTERM. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = "Runs the BBS: telnet and the browser terminal on the given ports, data in the data folder.",
        footer = {"", "Examples:", "  carrier serve", "  carrier serve --telnet-port 2300 --max-nodes 32",
            "  carrier serve --tls-cert fullchain.pem --tls-key privkey.pem --redirect-http",
            "  carrier serve --database 'postgresql://127.0.0.1:5432/carrier?user=carrier'",
            "  carrier serve --database 'postgresql://db:5432/carrier?user=carrier' --cluster nats://nats:4222"
                    + " --server-name bbs1",
            "  CARRIER_DATA_DIR=/srv/bbs carrier serve"})
final class ServeCommand implements Callable<Integer> {

    /** A stop ends within this, whatever hangs; well inside systemd's default 90 s stop timeout. */
    static final Duration STOP_BOUND = Duration.ofSeconds(30);

    @Option(names = "--data-dir", defaultValue = Database.DEFAULT_DATA_DIR, paramLabel = "DIR",
            description = "Where the database and carrier.properties live (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--database", paramLabel = "URL",
            description = "Keep the data in PostgreSQL (postgresql://HOST:PORT/DB?user=NAME) instead of the"
                    + " SQLite file in the data folder, which is the default.")
    String database;

    @Option(names = "--cluster", paramLabel = "URL",
            description = "Be one of several servers sharing one BBS through this NATS server with JetStream"
                    + " (nats://HOST:4222); needs --database postgresql://... (default: a server on its own).")
    String cluster;

    @Option(names = "--server-name", paramLabel = "NAME",
            description = "This server's name in who, the logs and the events: " + ClusterConfig.NAME_RULE
                    + " (default: the host name).")
    String serverName;

    @Option(names = "--menus-dir", paramLabel = "DIR",
            description = "The sysop's menus and screens; the built-in ones when not given.")
    Path menusDir;

    @Option(names = "--bind", defaultValue = TelnetConfig.DEFAULT_BIND_HOST, paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--telnet-port", defaultValue = "" + TelnetConfig.DEFAULT_PORT, paramLabel = "PORT",
            description = "Telnet port; 0 turns telnet off (default: ${DEFAULT-VALUE}).")
    int telnetPort;

    @Option(names = "--ssh-port", defaultValue = "" + SshConfig.DEFAULT_PORT, paramLabel = "PORT",
            description = "SSH port; 0 turns SSH off (default: ${DEFAULT-VALUE}).")
    int sshPort;

    @Option(names = "--web-port", defaultValue = "" + WebConfig.DEFAULT_PORT, paramLabel = "PORT",
            description = "Web port for the browser terminal; 0 turns the web off (default: ${DEFAULT-VALUE}).")
    int webPort;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "PEM certificate (with its chain, e.g. certbot's fullchain.pem): the web port speaks HTTPS"
                    + " and WSS, and telnets listens. Reloaded when the file is renewed. Needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "PEM private key of --tls-cert (e.g. certbot's privkey.pem).")
    Path tlsKey;

    @Option(names = "--tls-self-signed", defaultValue = "false", arity = "0..1", paramLabel = "BOOLEAN",
            description = "For testing: TLS with a self-signed certificate made once and kept in the data folder"
                    + " (default: ${DEFAULT-VALUE}).")
    boolean tlsSelfSigned;

    @Option(names = "--telnets-port", defaultValue = "" + TelnetConfig.DEFAULT_TELNETS_PORT, paramLabel = "PORT",
            description = "Telnet inside TLS, when TLS is on; 0 turns it off. Below 1024 needs root or"
                    + " CAP_NET_BIND_SERVICE (default: ${DEFAULT-VALUE}).")
    int telnetsPort;

    @Option(names = "--redirect-http", defaultValue = "false", arity = "0..1", paramLabel = "BOOLEAN",
            description = "With TLS on, answer plain http:// requests on the web port with a redirect to https://"
                    + " (default: ${DEFAULT-VALUE}).")
    boolean redirectHttp;

    @Option(names = "--tls-handshake-timeout", defaultValue = TlsConfig.DEFAULT_HANDSHAKE_TIMEOUT_SECONDS + "s",
            paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Closes a connection whose TLS handshake takes longer (default: ${DEFAULT-VALUE}).")
    Duration tlsHandshakeTimeout;

    @Option(names = "--trust-proxy", defaultValue = "false", arity = "0..1", paramLabel = "BOOLEAN",
            description = "Take the client's address from the --proxy-header of connections from a"
                    + " --trusted-proxies address; only behind your own reverse proxy (default: ${DEFAULT-VALUE}).")
    boolean trustProxy;

    @Option(names = "--trusted-proxies", split = ",", paramLabel = "ADDRESS", defaultValue = ProxyTrust.DEFAULT_TRUSTED_PROXY_LIST,
            description = "Addresses or CIDR blocks of your reverse proxies, e.g. 10.0.0.5,fd00::/8"
                    + " (default: ${DEFAULT-VALUE}).")
    List<String> trustedProxies;

    @Option(names = "--proxy-header", defaultValue = ProxyTrust.DEFAULT_HEADER, paramLabel = "HEADER",
            description = "The one header your proxy sets to name the client; its right-most entry counts,"
                    + " e.g. X-Real-IP (default: ${DEFAULT-VALUE}).")
    String proxyHeader;

    @Option(names = "--public-host", split = ",", paramLabel = "NAME",
            description = "Host names browsers reach this server by, e.g. bbs.example.org; WebSockets under other"
                    + " names get 403; * allows any (default: localhost, 127.0.0.1, ::1 and the --bind address,"
                    + " or this machine's name when binding 0.0.0.0).")
    List<String> publicHosts;

    @Option(names = "--output-stall-limit", defaultValue = OutputLimits.DEFAULT_BLOCKED_SECONDS + "s", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Hangs up on a connection whose output stays blocked this long because its client"
                    + " does not read (default: ${DEFAULT-VALUE}).")
    Duration outputStallLimit;

    @Option(names = "--max-pending-output", defaultValue = "" + OutputLimits.DEFAULT_MAX_PENDING_BYTES, paramLabel = "BYTES",
            description = "Hangs up on a connection with more output than this waiting for its client;"
                    + " at least 65536 (default: ${DEFAULT-VALUE}).")
    long maxPendingOutput;

    @Option(names = "--allowed-origins", split = ",", paramLabel = "ORIGIN",
            description = "Origins besides this server's own whose pages may open the WebSockets,"
                    + " e.g. https://bbs.example.org; * allows any (default: none).")
    List<String> allowedOrigins;

    @Option(names = "--max-per-address", defaultValue = "" + ServerConfig.DEFAULT_MAX_PER_ADDRESS, paramLabel = "N",
            description = "Connections one address may hold over telnet and web together; 0 lifts the limit"
                    + " (default: ${DEFAULT-VALUE}).")
    int maxPerAddress;

    @Option(names = "--max-nodes", defaultValue = "" + EngineConfig.DEFAULT_MAX_NODES, paramLabel = "N",
            description = "Callers at once over all transports (default: ${DEFAULT-VALUE}).")
    int maxNodes;

    @Option(names = "--bbs-name", defaultValue = EngineConfig.DEFAULT_BBS_NAME, paramLabel = "NAME",
            description = "The name in the banner (default: ${DEFAULT-VALUE}).")
    String bbsName;

    @Option(names = "--cp437-terminals", split = ",", paramLabel = "TYPE",
            defaultValue = TelnetConfig.DEFAULT_CP437_TERMINAL_TYPE_LIST,
            description = "Terminal types that get CP437 instead of UTF-8 (default: ${DEFAULT-VALUE}).")
    List<String> cp437Terminals;

    @Option(names = "--login-free-failures", defaultValue = "" + LoginLimits.DEFAULT_PAIR_FREE_FAILURES, paramLabel = "N",
            description = "Failed logins one address may make at one handle before it must wait, 1 s doubling"
                    + " to 5 min (default: ${DEFAULT-VALUE}).")
    int loginFreeFailures;

    @Option(names = "--login-address-failures", defaultValue = "" + LoginLimits.DEFAULT_ADDRESS_FAILURES, paramLabel = "N",
            description = "Failed logins one address may make at all handles together per 10 minutes"
                    + " (default: ${DEFAULT-VALUE}).")
    int loginAddressFailures;

    @Option(names = "--login-handle-failures", defaultValue = "" + LoginLimits.DEFAULT_HANDLE_FAILURES, paramLabel = "N",
            description = "Failed logins at one handle from all addresses per hour before only addresses it"
                    + " logged in from pass freely (default: ${DEFAULT-VALUE}).")
    int loginHandleFailures;

    @Option(names = "--password-cost", defaultValue = "" + BcryptPasswordHasher.DEFAULT_COST, paramLabel = "N",
            description = "bcrypt cost factor for new passwords, 4 to 31 (default: ${DEFAULT-VALUE}).")
    int passwordCost;

    @Option(names = "--away-after", defaultValue = ServerConfig.DEFAULT_AWAY_AFTER_MINUTES + "m", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Idle time after which an online user shows as away, e.g. 15m, 90s (default: ${DEFAULT-VALUE}).")
    Duration awayAfter;

    /** No defaultValue: the default depends on --cluster (see {@link #presenceTtl(ClusterConfig)}). */
    @Option(names = "--presence-ttl", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "A JSON client that sends keepalive beacons and then none for this long is shown stale "
                    + "and dropped; in a cluster, a server silent this long is gone and its callers offline everywhere"
                    + " (default: " + ServerConfig.DEFAULT_PRESENCE_TTL_MINUTES + "m, "
                    + ClusterConfig.DEFAULT_PRESENCE_TTL_SECONDS + "s with --cluster).")
    Duration presenceTtl;

    @Option(names = "--flood-burst", defaultValue = "" + ChatConfig.DEFAULT_FLOOD_BURST, paramLabel = "N",
            description = "Messages (chat lines, DMs, pages, letters) a user may send at once, over all their "
                    + "connections; 0 lifts the limit (default: ${DEFAULT-VALUE}).")
    int floodBurst;

    @Option(names = "--flood-interval", defaultValue = ChatConfig.DEFAULT_FLOOD_INTERVAL_SECONDS + "s", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "After the burst, one more message per interval (default: ${DEFAULT-VALUE}).")
    Duration floodInterval;

    @Option(names = "--chat-history", defaultValue = HistoryRetention.DEFAULT_TEXT, paramLabel = "LINES[,AGE]",
            converter = HistoryRetentionConverter.class,
            description = "Chat history kept per room: its last LINES, none older than AGE; 0 keeps none "
                    + "(default: ${DEFAULT-VALUE}).")
    HistoryRetention chatHistory;

    @Option(names = "--max-waiting-messages", defaultValue = "" + ChatConfig.DEFAULT_MAX_WAITING_MESSAGES, paramLabel = "N",
            description = "Direct messages that may wait unread for one user; further ones are refused "
                    + "and the sender told (default: ${DEFAULT-VALUE}).")
    int maxWaitingMessages;

    @Option(names = "--chat-reader-budget", defaultValue = "" + ReaderBudget.DEFAULT_BYTES, paramLabel = "BYTES",
            description = "Room lines that may wait for one chat reader, in bytes (a line counts at least "
                    + ReaderBudget.MIN_LINE_COST + "); past it the oldest are dropped and the reader told what it"
                    + " missed (default: ${DEFAULT-VALUE}).")
    long chatReaderBudget;

    @Option(names = "--chat-max-delay", defaultValue = ReaderBudget.DEFAULT_MAX_DELAY_SECONDS + "s", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Room lines waiting longer than this for a chat reader are dropped, and it is told what it"
                    + " missed (default: ${DEFAULT-VALUE}).")
    Duration chatMaxDelay;

    @Option(names = "--chat-hang-up-after", defaultValue = ReaderBudget.DEFAULT_HANG_UP_AFTER_SECONDS + "s",
            paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Hangs up on a chat reader that took no room line for this long while lines waited"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration chatHangUpAfter;

    @Option(names = "--idle-logoff", defaultValue = EngineConfig.DEFAULT_IDLE_LOGOFF_MINUTES + "m", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Logs off a user silent this long, after a warning a minute before; 0 never (default: ${DEFAULT-VALUE}).")
    Duration idleLogoff;

    @Option(names = "--login-timeout", defaultValue = EngineConfig.DEFAULT_LOGIN_TIMEOUT_MINUTES + "m", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Hangs up on a caller silent this long at the login prompt; 0 never (default: ${DEFAULT-VALUE}).")
    Duration loginTimeout;

    @Option(names = "--sysops-idle-exempt", defaultValue = "" + EngineConfig.DEFAULT_SYSOPS_IDLE_EXEMPT, paramLabel = "true|false", arity = "1",
            description = "Whether sysops are never logged off for idling (default: ${DEFAULT-VALUE}).")
    boolean sysopsIdleExempt;

    @Option(names = "--ping-interval", defaultValue = WebConfig.DEFAULT_PING_INTERVAL_SECONDS + "s", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How often each WebSocket is pinged (default: ${DEFAULT-VALUE}).")
    Duration pingInterval;

    @Option(names = "--ping-timeout", defaultValue = WebConfig.DEFAULT_PING_TIMEOUT_SECONDS + "s", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "A WebSocket silent this long (no pong, no frame) is closed as gone (default: ${DEFAULT-VALUE}).")
    Duration pingTimeout;

    @Option(names = "--telnet-keepalive", defaultValue = TelnetConfig.DEFAULT_KEEPALIVE_SECONDS + "s", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How often telnet clients get an IAC NOP so vanished ones are noticed; 0 never (default: ${DEFAULT-VALUE}).")
    Duration telnetKeepalive;

    @Option(names = "--token-ttl", defaultValue = ServerConfig.DEFAULT_TOKEN_TTL_DAYS + "d", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How long a JSON client's login token lives (default: ${DEFAULT-VALUE}).")
    Duration tokenTtl;

    @Option(names = "--admin-port", defaultValue = "0", paramLabel = "PORT",
            description = "Loopback port for the carrier command's admin connection; 0 picks a free one,"
                    + " written to admin.json in the data folder (default: ${DEFAULT-VALUE}).")
    int adminPort;

    @Option(names = "--log-format", defaultValue = LogFormat.DEFAULT, paramLabel = "plain|json",
            description = "The log on standard output: plain lines, or one JSON object per line for a log"
                    + " shipper (default: ${DEFAULT-VALUE}).")
    String logFormat;

    @Option(names = "--metrics-bind", defaultValue = AdminConfig.DEFAULT_BIND_HOST, paramLabel = "ADDRESS",
            description = "Also listen for GET /metrics on this address, at the --admin-port, for a Prometheus"
                    + " scraper on another machine; the sysop's requests stay loopback-only (default: ${DEFAULT-VALUE}).")
    String metricsBind;

    @Option(names = "--metrics-allow", split = ",", defaultValue = AdminConfig.DEFAULT_METRICS_ALLOW_LIST,
            paramLabel = "ADDRESS", description = "Addresses or CIDR blocks that may read /metrics without the admin"
                    + " token, e.g. 10.0.0.7 (default: ${DEFAULT-VALUE}).")
    List<String> metricsAllow;

    /**
     * The options as one checked config, every module's part in it; what was not given keeps the
     * default the option names.
     *
     * @throws IllegalArgumentException naming the option and what it takes, when a value is out of range
     */
    ServerConfig config() {
        EngineConfig engine = EngineConfig.defaults().withMaxNodes(maxNodes).withBbsName(bbsName)
                .withIdleLimits(loginTimeout, idleLogoff, sysopsIdleExempt)
                .withLoginLimits(LoginLimits.defaults().withBudgets(loginFreeFailures, loginAddressFailures,
                        loginHandleFailures));
        ChatConfig chat = ChatConfig.defaults().withFlood(floodBurst, floodInterval)
                .withMaxWaitingMessages(maxWaitingMessages)
                .withReaderBudget(new ReaderBudget(chatReaderBudget, chatMaxDelay, chatHangUpAfter));
        ClusterConfig clustering = ClusterConfig.of(cluster, serverName);
        return ServerConfig.builder()
                .dataDir(dataDir).database(PostgresUrl.option(database)).cluster(clustering)
                .menusDir(menusDir).bindAddress(bind)
                .telnetPort(Port.fromOption("--telnet-port", telnetPort))
                .webPort(Port.fromOption("--web-port", webPort))
                .sshPort(Port.fromOption("--ssh-port", sshPort))
                .telnetsPort(Port.fromOption("--telnets-port", telnetsPort))
                .tls(new TlsConfig(Optional.ofNullable(tlsCert), Optional.ofNullable(tlsKey), tlsSelfSigned, redirectHttp,
                        tlsHandshakeTimeout, TlsConfig.DEFAULT_RELOAD_CHECK))
                .cp437TerminalTypes(cp437Terminals).telnetKeepalive(telnetKeepalive)
                .output(new OutputLimits(outputStallLimit, maxPendingOutput))
                .proxy(trustProxy, trustedProxies, proxyHeader)
                .allowedOrigins(allowedOrigins == null ? List.of() : allowedOrigins)
                .publicHosts(publicHosts == null ? List.of() : publicHosts)
                .pings(pingInterval, pingTimeout)
                .maxPerAddress(maxPerAddress)
                .engine(engine).chat(chat).chatHistory(chatHistory)
                .passwordCost(passwordCost).awayAfter(awayAfter).tokenTtl(tokenTtl)
                .presenceTtl(presenceTtl(clustering))
                .build();
    }

    /** A cluster notices a dead server within the TTL, so its default is short there. */
    private Duration presenceTtl(ClusterConfig clustering) {
        if (presenceTtl != null) return presenceTtl;
        return clustering.on() ? ClusterConfig.DEFAULT_PRESENCE_TTL : ServerConfig.DEFAULT_PRESENCE_TTL;
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            System.err.println("carrier: " + e.getMessage());
            return 2;
        }
        AdminConfig admin;
        try {
            LogFormat.parse(logFormat).apply(config.cluster().server());
            admin = AdminConfig.of(adminPort, metricsBind, metricsAllow);
        } catch (IllegalArgumentException e) {
            System.err.println("carrier: " + e.getMessage());
            return 2;
        }
        CarrierServer server;
        try {
            server = CarrierServer.start(config, admin);
        } catch (RuntimeException e) {
            System.err.println("carrier: cannot start: " + e.getMessage());
            return 1;
        }
        StopSignals signals = StopSignals.install();
        // Other ways out (SIGHUP, System.exit) still close the server; after a stop this does nothing.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "carrier-shutdown"));
        System.out.println("carrier " + Version.current() + " is up. Data in " + dataDir.toAbsolutePath()
                + config.database().map(url -> ", stored in PostgreSQL at " + url.shown()).orElse(""));
        if (!config.telnetPort().isOff()) {
            System.out.println("  telnet: " + bind + ":" + server.telnetPort()
                    + "   (connect with: telnet localhost " + server.telnetPort() + ")");
        }
        if (!config.sshPort().isOff()) {
            System.out.println("  ssh:    " + bind + ":" + server.sshPort()
                    + "   (connect with: ssh -p " + server.sshPort() + " HANDLE@localhost, or new@localhost to register)");
            server.sshHostKeyFingerprints().forEach(key -> System.out.println("          host key " + key));
        }
        if (config.telnetsOn()) {
            System.out.println("  telnets: " + bind + ":" + server.telnetsPort()
                    + "  (telnet inside TLS: SyncTERM, NetRunner, or openssl s_client -connect localhost:"
                    + server.telnetsPort() + ")");
        }
        if (!config.webPort().isOff()) {
            String scheme = config.tls().isOn() ? "https" : "http";
            System.out.println("  web:    " + bind + ":" + server.webPort()
                    + "   (open in a browser: " + scheme + "://localhost:" + server.webPort() + "/)");
        }
        server.tlsCertificate().ifPresent(certificate -> System.out.println("  tls:    " + certificate.describe()));
        System.out.println("  admin:  127.0.0.1:" + server.adminPort()
                + "   (for carrier user|who|kick|broadcast|status|console; token in "
                + dataDir.resolve("admin.json") + ")");
        System.out.println("Press Ctrl-C to stop.");
        String signal = signals.await();
        System.out.println("carrier: stopping on SIG" + signal + " (send it again to exit at once)");
        exitAnywayAfter(STOP_BOUND);
        // SIGTERM is what a service manager sends to stop or restart: callers may call back soon.
        server.stop(signal.equals("TERM") ? CarrierServer.RESTARTING : CarrierServer.GOING_DOWN,
                CarrierServer.CALLERS_LEAVE_WITHIN);
        System.out.println("carrier: stopped");
        return 0;
    }

    /** A stop that hangs (a stuck close) must not keep a service manager waiting for ever. */
    private static void exitAnywayAfter(Duration bound) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(bound.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("carrier: the stop took longer than " + bound.toSeconds() + " s: exiting now");
            Runtime.getRuntime().halt(1);
        }, "carrier-stop-bound");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
