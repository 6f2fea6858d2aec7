package dev.carrier.server;

import dev.carrier.admin.AdminConfig;
import dev.carrier.chat.ChatConfig;
import dev.carrier.auth.LoginLimits;
import dev.carrier.session.EngineConfig;
import dev.carrier.netty.OutputLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code carrier serve}: runs the BBS until Ctrl-C or SIGTERM. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = "Runs the BBS: telnet and the browser terminal on the given ports, data in the data folder.",
        footer = {"", "Examples:", "  carrier serve", "  carrier serve --telnet-port 2300 --max-nodes 32",
            "  CARRIER_DATA_DIR=/srv/bbs carrier serve"})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "data", paramLabel = "DIR",
            description = "Where the database and carrier.properties live (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--menus-dir", paramLabel = "DIR",
            description = "The sysop's menus and screens; the built-in ones when not given.")
    Path menusDir;

    @Option(names = "--bind", defaultValue = "0.0.0.0", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--telnet-port", defaultValue = "2323", paramLabel = "PORT",
            description = "Telnet port; 0 turns telnet off (default: ${DEFAULT-VALUE}).")
    int telnetPort;

    @Option(names = "--web-port", defaultValue = "8080", paramLabel = "PORT",
            description = "Web port for the browser terminal; 0 turns the web off (default: ${DEFAULT-VALUE}).")
    int webPort;

    @Option(names = "--trust-proxy", defaultValue = "false", arity = "0..1", paramLabel = "BOOLEAN",
            description = "Take the client's address from the --proxy-header of connections from a"
                    + " --trusted-proxies address; only behind your own reverse proxy (default: ${DEFAULT-VALUE}).")
    boolean trustProxy;

    @Option(names = "--trusted-proxies", split = ",", paramLabel = "ADDRESS", defaultValue = "127.0.0.1,::1",
            description = "Addresses or CIDR blocks of your reverse proxies, e.g. 10.0.0.5,fd00::/8"
                    + " (default: ${DEFAULT-VALUE}).")
    List<String> trustedProxies;

    @Option(names = "--proxy-header", defaultValue = "X-Forwarded-For", paramLabel = "HEADER",
            description = "The one header your proxy sets to name the client; its right-most entry counts,"
                    + " e.g. X-Real-IP (default: ${DEFAULT-VALUE}).")
    String proxyHeader;

    @Option(names = "--public-host", split = ",", paramLabel = "NAME",
            description = "Host names browsers reach this server by, e.g. bbs.example.org; WebSockets under other"
                    + " names get 403; * allows any (default: localhost, 127.0.0.1, ::1 and the --bind address,"
                    + " or this machine's name when binding 0.0.0.0).")
    List<String> publicHosts;

    @Option(names = "--output-stall-limit", defaultValue = "60s", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Hangs up on a connection whose output stays blocked this long because its client"
                    + " does not read (default: ${DEFAULT-VALUE}).")
    Duration outputStallLimit;

    @Option(names = "--max-pending-output", defaultValue = "1048576", paramLabel = "BYTES",
            description = "Hangs up on a connection with more output than this waiting for its client;"
                    + " at least 65536 (default: ${DEFAULT-VALUE}).")
    long maxPendingOutput;

    @Option(names = "--allowed-origins", split = ",", paramLabel = "ORIGIN",
            description = "Origins besides this server's own whose pages may open the WebSockets,"
                    + " e.g. https://bbs.example.org; * allows any (default: none).")
    List<String> allowedOrigins;

    @Option(names = "--max-per-address", defaultValue = "8", paramLabel = "N",
            description = "Connections one address may hold over telnet and web together; 0 lifts the limit"
                    + " (default: ${DEFAULT-VALUE}).")
    int maxPerAddress;

    @Option(names = "--max-nodes", defaultValue = "256", paramLabel = "N",
            description = "Callers at once over all transports (default: ${DEFAULT-VALUE}).")
    int maxNodes;

    @Option(names = "--bbs-name", defaultValue = "Carrier BBS", paramLabel = "NAME",
            description = "The name in the banner (default: ${DEFAULT-VALUE}).")
    String bbsName;

    @Option(names = "--cp437-terminals", split = ",", paramLabel = "TYPE",
            defaultValue = "ansi,ansi-bbs,syncterm,pcansi",
            description = "Terminal types that get CP437 instead of UTF-8 (default: ${DEFAULT-VALUE}).")
    List<String> cp437Terminals;

    @Option(names = "--login-free-failures", defaultValue = "5", paramLabel = "N",
            description = "Failed logins one address may make at one handle before it must wait, 1 s doubling"
                    + " to 5 min (default: ${DEFAULT-VALUE}).")
    int loginFreeFailures;

    @Option(names = "--login-address-failures", defaultValue = "20", paramLabel = "N",
            description = "Failed logins one address may make at all handles together per 10 minutes"
                    + " (default: ${DEFAULT-VALUE}).")
    int loginAddressFailures;

    @Option(names = "--login-handle-failures", defaultValue = "100", paramLabel = "N",
            description = "Failed logins at one handle from all addresses per hour before only addresses it"
                    + " logged in from pass freely (default: ${DEFAULT-VALUE}).")
    int loginHandleFailures;

    @Option(names = "--password-cost", defaultValue = "10", paramLabel = "N",
            description = "bcrypt cost factor for new passwords, 4 to 31 (default: ${DEFAULT-VALUE}).")
    int passwordCost;

    @Option(names = "--away-after", defaultValue = "15m", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Idle time after which an online user shows as away, e.g. 15m, 90s (default: ${DEFAULT-VALUE}).")
    Duration awayAfter;

    @Option(names = "--flood-burst", defaultValue = "5", paramLabel = "N",
            description = "Messages (chat lines, DMs, pages, letters) a user may send at once, over all their "
                    + "connections; 0 lifts the limit (default: ${DEFAULT-VALUE}).")
    int floodBurst;

    @Option(names = "--flood-interval", defaultValue = "1s", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "After the burst, one more message per interval (default: ${DEFAULT-VALUE}).")
    Duration floodInterval;

    @Option(names = "--max-waiting-messages", defaultValue = "500", paramLabel = "N",
            description = "Direct messages that may wait unread for one user; further ones are refused "
                    + "and the sender told (default: ${DEFAULT-VALUE}).")
    int maxWaitingMessages;

    @Option(names = "--idle-logoff", defaultValue = "60m", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Logs off a user silent this long, after a warning a minute before; 0 never (default: ${DEFAULT-VALUE}).")
    Duration idleLogoff;

    @Option(names = "--login-timeout", defaultValue = "2m", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Hangs up on a caller silent this long at the login prompt; 0 never (default: ${DEFAULT-VALUE}).")
    Duration loginTimeout;

    @Option(names = "--sysops-idle-exempt", defaultValue = "false", paramLabel = "true|false", arity = "1",
            description = "Whether sysops are never logged off for idling (default: ${DEFAULT-VALUE}).")
    boolean sysopsIdleExempt;

    @Option(names = "--ping-interval", defaultValue = "30s", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How often each WebSocket is pinged (default: ${DEFAULT-VALUE}).")
    Duration pingInterval;

    @Option(names = "--ping-timeout", defaultValue = "45s", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "A WebSocket silent this long (no pong, no frame) is closed as gone (default: ${DEFAULT-VALUE}).")
    Duration pingTimeout;

    @Option(names = "--telnet-keepalive", defaultValue = "60s", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How often telnet clients get an IAC NOP so vanished ones are noticed; 0 never (default: ${DEFAULT-VALUE}).")
    Duration telnetKeepalive;

    @Option(names = "--token-ttl", defaultValue = "30d", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How long a JSON client's login token lives (default: ${DEFAULT-VALUE}).")
    Duration tokenTtl;

    @Option(names = "--admin-port", defaultValue = "0", paramLabel = "PORT",
            description = "Loopback port for the carrier command's admin connection; 0 picks a free one,"
                    + " written to admin.json in the data folder (default: ${DEFAULT-VALUE}).")
    int adminPort;

    @Override
    public Integer call() throws InterruptedException {
        EngineConfig engine;
        try {
            engine = EngineConfig.defaults().withMaxNodes(maxNodes).withBbsName(bbsName)
                    .withIdleLimits(loginTimeout, idleLogoff, sysopsIdleExempt)
                    .withLoginLimits(LoginLimits.defaults().withBudgets(loginFreeFailures, loginAddressFailures,
                            loginHandleFailures));
        } catch (IllegalArgumentException e) {
            System.err.println("carrier: " + e.getMessage());
            return 2;
        }
        ChatConfig chat = ChatConfig.defaults().withFlood(floodBurst, floodInterval)
                .withMaxWaitingMessages(maxWaitingMessages);
        OutputLimits output;
        try {
            output = new OutputLimits(outputStallLimit, maxPendingOutput);
        } catch (IllegalArgumentException e) {
            System.err.println("carrier: " + e.getMessage());
            return 2;
        }
        ServerConfig config = new ServerConfig(dataDir, Optional.ofNullable(menusDir), bind, telnetPort,
                List.copyOf(cp437Terminals), Duration.ofSeconds(1), passwordCost, awayAfter, engine, chat,
                Clock.systemUTC(), Optional.empty(), new WebOptions(webPort, trustProxy,
                        allowedOrigins == null ? List.of() : allowedOrigins, pingInterval, pingTimeout,
                        trustedProxies, proxyHeader, publicHosts == null ? List.of() : publicHosts),
                maxPerAddress, tokenTtl, telnetKeepalive, output);
        CarrierServer server;
        try {
            server = CarrierServer.start(config, new AdminConfig(adminPort));
        } catch (RuntimeException e) {
            System.err.println("carrier: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("carrier: shutting down");
            server.close();
            stopped.countDown();
        }, "carrier-shutdown"));
        System.out.println("carrier " + Version.current() + " is up. Data in " + dataDir.toAbsolutePath());
        if (telnetPort != 0) {
            System.out.println("  telnet: " + bind + ":" + server.telnetPort()
                    + "   (connect with: telnet localhost " + server.telnetPort() + ")");
        }
        if (webPort != 0) {
            System.out.println("  web:    " + bind + ":" + server.webPort()
                    + "   (open in a browser: http://localhost:" + server.webPort() + "/)");
        }
        System.out.println("  admin:  127.0.0.1:" + server.adminPort()
                + "   (for carrier user|who|kick|broadcast|status|console; token in "
                + dataDir.resolve("admin.json") + ")");
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
        return 0;
    }
}
