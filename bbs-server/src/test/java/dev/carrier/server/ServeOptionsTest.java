package dev.carrier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.chat.HistoryRetention;
import dev.carrier.auth.LoginLimits;
import dev.carrier.chat.ReaderBudget;
import dev.carrier.netty.OutputLimits;
import dev.carrier.telnet.TelnetConfig;
import dev.carrier.web.ProxyTrust;
import dev.carrier.web.WebConfig;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** From {@code carrier serve}'s flags, environment and carrier.properties to each module's config. */
class ServeOptionsTest {

    /** Every option, set away from its default. */
    private static final Map<String, String> EVERY_OPTION = Map.ofEntries(
            Map.entry("data-dir", "/srv/bbs"),
            Map.entry("database", "postgresql://db.example:5433/carrier?user=bbs&password=s3cret"),
            Map.entry("cluster", "nats://nats.example:4222"),
            Map.entry("server-name", "bbs-2"),
            Map.entry("menus-dir", "/srv/menus"),
            Map.entry("bind", "127.0.0.1"),
            Map.entry("telnet-port", "2300"),
            Map.entry("web-port", "0"),
            Map.entry("ssh-port", "2022"),
            Map.entry("tls-cert", "/etc/bbs/fullchain.pem"),
            Map.entry("tls-key", "/etc/bbs/privkey.pem"),
            Map.entry("telnets-port", "9920"),
            Map.entry("redirect-http", "true"),
            Map.entry("tls-handshake-timeout", "5s"),
            Map.entry("trust-proxy", "true"),
            Map.entry("trusted-proxies", "10.0.0.0/8,fd00::/8"),
            Map.entry("proxy-header", "X-Real-IP"),
            Map.entry("public-host", "bbs.example.org"),
            Map.entry("output-stall-limit", "20s"),
            Map.entry("max-pending-output", "65536"),
            Map.entry("allowed-origins", "https://a.example"),
            Map.entry("max-per-address", "3"),
            Map.entry("max-nodes", "32"),
            Map.entry("bbs-name", "The Board"),
            Map.entry("cp437-terminals", "ansi,ibm437"),
            Map.entry("login-free-failures", "2"),
            Map.entry("login-address-failures", "7"),
            Map.entry("login-handle-failures", "50"),
            Map.entry("password-cost", "12"),
            Map.entry("away-after", "5m"),
            Map.entry("flood-burst", "0"),
            Map.entry("flood-interval", "2s"),
            Map.entry("max-waiting-messages", "40"),
            Map.entry("chat-history", "300,7d"),
            Map.entry("chat-reader-budget", "65536"),
            Map.entry("chat-max-delay", "5s"),
            Map.entry("chat-hang-up-after", "20s"),
            Map.entry("idle-logoff", "0"),
            Map.entry("login-timeout", "90s"),
            Map.entry("sysops-idle-exempt", "true"),
            Map.entry("ping-interval", "10s"),
            Map.entry("ping-timeout", "25s"),
            Map.entry("telnet-keepalive", "0"),
            Map.entry("token-ttl", "7d"),
            Map.entry("presence-ttl", "2m"));

    @Test
    void noOptionsGiveTheBuildersDefaults() {
        assertEquals(ServerConfig.builder().build(), config(Map.of(), new Properties()));
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        ServerConfig config = config(Map.of(), new Properties());
        assertEquals(Path.of("data"), config.dataDir());
        assertTrue(config.database().isEmpty(), "the SQLite file in the data folder unless told otherwise");
        assertEquals(Port.of(2323), config.telnetPort());
        assertEquals(Port.of(2222), config.sshPort());
        assertEquals(Port.of(8080), config.webPort());
        assertEquals(Port.of(992), config.telnetsPort());
        assertFalse(config.tls().isOn(), "no TLS without a certificate");
        assertFalse(config.telnetsOn(), "telnets listens only with TLS on");
        assertFalse(config.tls().redirectHttp());
        assertEquals(Duration.ofSeconds(10), config.tls().handshakeTimeout());
        assertEquals(Duration.ofMinutes(1), config.tls().reloadCheck());
        assertEquals("0.0.0.0", config.telnet().bindHost());
        assertEquals("0.0.0.0", config.web().bindHost());
        assertEquals(Set.of("ansi", "ansi-bbs", "syncterm", "pcansi", "cp437", "ibm437"),
                config.telnet().cp437TerminalTypes());
        assertEquals(config.telnet().cp437TerminalTypes(), config.web().telnet().cp437TerminalTypes());
        assertEquals(Duration.ofSeconds(1), config.telnet().negotiationTimeout());
        assertEquals(Duration.ofSeconds(60), config.telnet().keepaliveInterval());
        assertEquals(Duration.ofSeconds(30), config.web().pingInterval());
        assertEquals(Duration.ofSeconds(45), config.web().pingTimeout());
        assertFalse(config.web().trustProxy());
        assertEquals("X-Forwarded-For", config.web().proxy().header());
        assertTrue(config.web().allowedOrigins().isEmpty());
        assertTrue(config.web().publicHosts().isEmpty());
        assertEquals(OutputLimits.defaults(), config.telnet().output());
        assertEquals(OutputLimits.defaults(), config.web().output());
        assertEquals(8, config.maxPerAddress());
        assertEquals(256, config.engine().maxNodes());
        assertEquals("Carrier BBS", config.engine().bbsName());
        assertEquals(LoginLimits.defaults(), config.engine().loginLimits());
        assertEquals(Duration.ofMinutes(60), config.engine().idleLogoff());
        assertEquals(Duration.ofMinutes(2), config.engine().loginTimeout());
        assertFalse(config.engine().sysopsIdleExempt());
        assertEquals(5, config.chat().floodBurst());
        assertEquals(Duration.ofSeconds(1), config.chat().floodInterval());
        assertEquals(500, config.chat().maxWaitingMessages());
        assertEquals(new HistoryRetention(10_000, Duration.ofDays(90)), config.chatHistory());
        assertEquals(ReaderBudget.defaults(), config.chat().readerBudget());
        assertEquals(10, config.passwordCost());
        assertEquals(Duration.ofMinutes(15), config.awayAfter());
        assertEquals(Duration.ofDays(30), config.tokenTtl());
        assertEquals(Duration.ofMinutes(5), config.presenceTtl());
        assertFalse(config.cluster().on(), "a server on its own unless told otherwise");
        assertEquals(dev.carrier.cluster.ClusterConfig.defaultServerName(), config.cluster().server());
        assertTrue(config.menusDir().isEmpty());
    }

    @Test
    void flagsReachEachModulesConfig() {
        ServerConfig config = config(Map.of(), new Properties(), flags(EVERY_OPTION));
        assertEvery(config);
    }

    @Test
    void theEnvironmentFillsTheSameFieldsAsFlags() {
        Map<String, String> environment = new java.util.HashMap<>();
        EVERY_OPTION.forEach((option, value) -> environment.put(Settings.environmentName(option), value));
        ServerConfig config = config(environment, new Properties());
        assertEvery(config);
        assertEquals(config(Map.of(), new Properties(), flags(EVERY_OPTION)), config);
    }

    @Test
    void carrierPropertiesFillTheSameFieldsAsFlags() {
        Properties file = new Properties();
        file.putAll(EVERY_OPTION);
        ServerConfig config = config(Map.of(), file);
        assertEvery(config);
        assertEquals(config(Map.of(), new Properties(), flags(EVERY_OPTION)), config);
    }

    @Test
    void carrierConfigNamesTheSettingsFileInsteadOfTheDataFolders(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path etc = java.nio.file.Files.writeString(dir.resolve("elsewhere.properties"), "telnet-port=2399\n");
        java.nio.file.Files.writeString(dir.resolve(Settings.FILE_NAME), "telnet-port=2311\n");
        String[] args = {"serve", "--data-dir", dir.toString()};
        CommandLine fromDataFolder = CarrierCommand.commandLine(args, Map.of());
        CommandLine fromEtc = CarrierCommand.commandLine(args, Map.of(Settings.CONFIG_VARIABLE, etc.toString()));
        assertEquals(2311, serve(fromDataFolder, args).config().telnet().port());
        assertEquals(2399, serve(fromEtc, args).config().telnet().port());
    }

    @Test
    void metricsAndLogOptionsComeFromTheSameSources() {
        String[] args = {"serve"};
        Map<String, String> environment = Map.of("CARRIER_METRICS_BIND", "0.0.0.0", "CARRIER_METRICS_ALLOW", "10.0.0.7,fd00::/8",
                "CARRIER_LOG_FORMAT", "json");
        ServeCommand serve = serve(new CommandLine(new CarrierCommand()).setDefaultValueProvider(
                new Settings(environment, new Properties())), args);
        assertEquals("0.0.0.0", serve.metricsBind);
        assertEquals(List.of("10.0.0.7", "fd00::/8"), serve.metricsAllow);
        assertEquals(LogFormat.JSON, LogFormat.parse(serve.logFormat));
        ServeCommand defaults = serve(new CommandLine(new CarrierCommand()), args);
        assertEquals(dev.carrier.admin.AdminConfig.DEFAULT_BIND_HOST, defaults.metricsBind);
        assertEquals(LogFormat.PLAIN, LogFormat.parse(defaults.logFormat));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> LogFormat.parse("xml"));
        assertEquals("--log-format must be plain or json, was 'xml'", bad.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> dev.carrier.admin.AdminConfig.of(0, "127.0.0.1", List.of("bbs.example.org"))).getMessage()
                .startsWith("--metrics-allow: "));
    }

    private static ServeCommand serve(CommandLine commandLine, String[] args) {
        return (ServeCommand) commandLine.parseArgs(args).subcommand().commandSpec().userObject();
    }

    private static void assertEvery(ServerConfig config) {
        assertEquals(Path.of("/srv/bbs"), config.dataDir());
        assertEquals(java.util.Optional.of("nats://nats.example:4222"), config.cluster().nats());
        assertEquals("bbs-2", config.cluster().server());
        assertEquals("jdbc:postgresql://db.example:5433/carrier?user=bbs&password=s3cret",
                config.database().orElseThrow().jdbcUrl());
        assertEquals("postgresql://db.example:5433/carrier as bbs", config.database().orElseThrow().shown(),
                "the password stays out of what is shown");
        assertEquals(Path.of("/srv/menus"), config.menusDir().orElseThrow());
        assertEquals("127.0.0.1", config.telnet().bindHost());
        assertEquals("127.0.0.1", config.web().bindHost());
        assertEquals(Port.of(2300), config.telnetPort());
        assertEquals(2300, config.telnet().port());
        assertEquals(Port.off(), config.webPort(), "0 on the command line turns the web off");
        assertEquals(Port.of(2022), config.sshPort());
        assertEquals(2022, config.ssh().port());
        assertEquals("127.0.0.1", config.ssh().bindHost());
        assertTrue(config.tls().isOn());
        assertEquals(Path.of("/etc/bbs/fullchain.pem"), config.tls().certFile().orElseThrow());
        assertEquals(Path.of("/etc/bbs/privkey.pem"), config.tls().keyFile().orElseThrow());
        assertFalse(config.tls().selfSigned());
        assertTrue(config.tls().redirectHttp());
        assertEquals(Duration.ofSeconds(5), config.tls().handshakeTimeout());
        assertTrue(config.telnetsOn());
        assertEquals(9920, config.telnets().port());
        assertEquals("127.0.0.1", config.telnets().bindHost());
        assertEquals(Set.of("ansi", "ibm437"), config.telnets().cp437TerminalTypes(), "telnets treats clients as telnet does");
        assertTrue(config.web().trustProxy());
        assertEquals("X-Real-IP", config.web().proxy().header());
        assertTrue(config.web().proxy().trusts(new InetSocketAddress("10.1.2.3", 1)));
        assertFalse(config.web().proxy().trusts(new InetSocketAddress("127.0.0.1", 1)));
        assertEquals(List.of("bbs.example.org"), config.web().publicHosts());
        assertEquals(List.of("https://a.example"), config.web().allowedOrigins());
        OutputLimits output = new OutputLimits(Duration.ofSeconds(20), 65536);
        assertEquals(output, config.telnet().output());
        assertEquals(output, config.web().output());
        assertEquals(3, config.maxPerAddress());
        assertEquals(32, config.engine().maxNodes());
        assertEquals("The Board", config.engine().bbsName());
        assertEquals(Set.of("ansi", "ibm437"), config.telnet().cp437TerminalTypes());
        assertEquals(TelnetConfig.CP437, config.telnet().charsetFor("IBM437"));
        assertEquals(StandardCharsets.UTF_8, config.telnet().charsetFor("syncterm"));
        assertEquals(Set.of("ansi", "ibm437"), config.web().telnet().cp437TerminalTypes(), "/telnet treats them alike");
        assertEquals(LoginLimits.defaults().withBudgets(2, 7, 50), config.engine().loginLimits());
        assertEquals(12, config.passwordCost());
        assertEquals(Duration.ofMinutes(5), config.awayAfter());
        assertEquals(0, config.chat().floodBurst());
        assertFalse(config.chat().floodControlled());
        assertEquals(Duration.ofSeconds(2), config.chat().floodInterval());
        assertEquals(40, config.chat().maxWaitingMessages());
        assertEquals(new HistoryRetention(300, Duration.ofDays(7)), config.chatHistory());
        assertEquals(new ReaderBudget(65536, Duration.ofSeconds(5), Duration.ofSeconds(20)), config.chat().readerBudget());
        assertEquals(Duration.ZERO, config.engine().idleLogoff());
        assertEquals(Duration.ofSeconds(90), config.engine().loginTimeout());
        assertTrue(config.engine().sysopsIdleExempt());
        assertEquals(Duration.ofSeconds(10), config.web().pingInterval());
        assertEquals(Duration.ofSeconds(25), config.web().pingTimeout());
        assertEquals(Duration.ZERO, config.telnet().keepaliveInterval());
        assertEquals(Duration.ofDays(7), config.tokenTtl());
        assertEquals(Duration.ofMinutes(2), config.presenceTtl());
    }

    @Test
    void zeroTurnsATransportOffWhileTestsAskForAnyFreePort() {
        ServerConfig off = config(Map.of(), new Properties(), "--telnet-port", "0", "--web-port", "0");
        assertTrue(off.telnetPort().isOff());
        assertTrue(off.webPort().isOff());
        ServerConfig any = ServerConfig.forTests(Path.of("data"));
        assertEquals(Port.anyFree(), any.telnetPort());
        assertEquals(0, any.telnet().port());
        assertEquals(0, any.web().port());
        assertFalse(any.webPort().isOff());
        assertThrows(IllegalStateException.class, () -> Port.off().bindNumber());
    }

    @Test
    void badValuesNameTheOptionAndWhatItTakes() {
        assertRefused("--telnet-port must be a port from 1 to 65535, or 0 to turn it off", "--telnet-port", "70000");
        assertRefused("--web-port must be a port from 1 to 65535", "--web-port", "-1");
        assertRefused("--max-nodes", "--max-nodes", "0");
        assertRefused("--flood-burst", "--flood-burst", "-1");
        assertRefused("--chat-reader-budget", "--chat-reader-budget", "100");
        assertRefused("--chat-hang-up-after must be at least --chat-max-delay", "--chat-hang-up-after", "1s");
        assertRefused("--idle-logoff", "--idle-logoff", "-5m");
        assertRefused("--max-per-address", "--max-per-address", "-1");
        assertRefused("--password-cost must be 4 to 31", "--password-cost", "3");
        assertRefused("--token-ttl", "--token-ttl", "0");
        assertRefused("--presence-ttl", "--presence-ttl", "0");
        assertRefused("web pings need an interval above 0 and a timeout no shorter than it",
                "--ping-interval", "60s");
        assertRefused("pending-output cap", "--max-pending-output", "100");
        assertRefused("proxy header", "--proxy-header", "Not A Header");
        assertRefused("--telnets-port must be a port from 1 to 65535", "--telnets-port", "70000");
        assertRefused("--tls-cert and --tls-key go together", "--tls-cert", "cert.pem");
        assertRefused("--redirect-http needs TLS", "--redirect-http");
        assertRefused("--tls-self-signed is for testing without certificate files",
                "--tls-self-signed", "--tls-cert", "cert.pem", "--tls-key", "key.pem");
        assertRefused("--database takes postgresql://HOST:PORT/DB?user=NAME", "--database", "mysql://db/carrier");
        assertRefused("--database needs a host and a database name", "--database", "postgresql://db.example");
        assertRefused("--cluster needs --database postgresql://...", "--cluster", "nats://127.0.0.1:4222");
        assertRefused("--cluster must be a NATS URL", "--database", "postgresql://db/carrier", "--cluster", "db:4222");
        assertRefused("--server-name must be 1-32 of a-z, 0-9 and -", "--server-name", "Bbs_1");
        assertRefused("--server-name must be 1-32 of a-z, 0-9 and -", "--server-name", "-bbs");
        assertRefused("--tls-handshake-timeout must be above 0", "--tls-self-signed", "--tls-handshake-timeout", "0");
    }

    @Test
    void aClusterSeesADeadServerWithinHalfAMinuteUnlessToldOtherwise() {
        String[] cluster = {"--database", "postgresql://db/carrier", "--cluster", "nats://127.0.0.1:4222"};
        assertEquals(Duration.ofSeconds(30), config(Map.of(), new Properties(), cluster).presenceTtl());
        String[] longer = java.util.stream.Stream.concat(java.util.Arrays.stream(cluster),
                java.util.stream.Stream.of("--presence-ttl", "1m")).toArray(String[]::new);
        assertEquals(Duration.ofMinutes(1), config(Map.of(), new Properties(), longer).presenceTtl());
        assertEquals(Duration.ofMinutes(5), config(Map.of(), new Properties(), "--server-name", "bbs1").presenceTtl(),
                "a server on its own keeps the JSON clients' default");
    }

    @Test
    void selfSignedTlsNeedsNoFilesAndTurnsTelnetsOn() {
        ServerConfig config = config(Map.of(), new Properties(), "--tls-self-signed");
        assertTrue(config.tls().isOn());
        assertTrue(config.tls().selfSigned());
        assertTrue(config.telnetsOn());
        assertEquals(992, config.telnets().port());
        assertFalse(config(Map.of(), new Properties(), "--tls-self-signed", "--telnets-port", "0").telnetsOn(),
                "0 turns telnets off while HTTPS stays");
        assertEquals(config, config(Map.of(Settings.environmentName("tls-self-signed"), "true"), new Properties()));
        Properties file = new Properties();
        file.put("tls-self-signed", "true");
        assertEquals(config, config(Map.of(), file));
    }

    @Test
    void aDefaultIsOneConstantThatTheOptionAndTheModuleBothUse() {
        CommandLine serve = new CommandLine(new CarrierCommand()).getSubcommands().get("serve");
        assertEquals(TelnetConfig.DEFAULT_CP437_TERMINAL_TYPE_LIST,
                serve.getCommandSpec().findOption("--cp437-terminals").defaultValue());
        assertEquals(TelnetConfig.DEFAULT_CP437_TERMINAL_TYPES, TelnetConfig.defaults().cp437TerminalTypes());
        assertEquals(ProxyTrust.DEFAULT_TRUSTED_PROXY_LIST,
                serve.getCommandSpec().findOption("--trusted-proxies").defaultValue());
        assertEquals(WebConfig.DEFAULT_PING_INTERVAL, new DurationConverter().convert(
                serve.getCommandSpec().findOption("--ping-interval").defaultValue()));
    }

    @Test
    void aPlainNumberIsSecondsSoZeroTurnsALimitOff() {
        DurationConverter durations = new DurationConverter();
        assertEquals(Duration.ZERO, durations.convert("0"));
        assertEquals(Duration.ofSeconds(90), durations.convert("90"));
        assertEquals(Duration.ofMillis(500), durations.convert("500ms"));
        assertEquals(Duration.ofMinutes(15), durations.convert("15m"));
        assertThrows(CommandLine.TypeConversionException.class, () -> durations.convert("15x"));
        assertThrows(CommandLine.TypeConversionException.class, () -> durations.convert(""));
    }

    private static void assertRefused(String reason, String... flags) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config(Map.of(), new Properties(), flags));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    private static String[] flags(Map<String, String> options) {
        return options.entrySet().stream()
                .flatMap(option -> java.util.stream.Stream.of("--" + option.getKey(), option.getValue()))
                .toArray(String[]::new);
    }

    private static ServerConfig config(Map<String, String> environment, Properties file, String... flags) {
        CommandLine commandLine = new CommandLine(new CarrierCommand());
        commandLine.setDefaultValueProvider(new Settings(environment, file));
        String[] args = new String[flags.length + 1];
        args[0] = "serve";
        System.arraycopy(flags, 0, args, 1, flags.length);
        return ((ServeCommand) commandLine.parseArgs(args).subcommand().commandSpec().userObject()).config();
    }
}
