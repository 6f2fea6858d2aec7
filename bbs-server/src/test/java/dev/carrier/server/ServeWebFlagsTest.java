package dev.carrier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** carrier serve's options for the web, from flags, the environment or carrier.properties. */
class WebOptionsTest {

    @Test
    void helpListsTheWebOptions() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CommandLine(new CarrierCommand()).getSubcommands().get("serve")
                .usage(new PrintStream(out, true, StandardCharsets.UTF_8));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String option : new String[] {"--web-port", "--trust-proxy", "--allowed-origins", "--max-per-address"}) {
            assertTrue(help.contains(option), option + " missing from:\n" + help);
        }
    }

    @Test
    void theDefaultsAreWebOn8080SameOriginNoProxyAndEightPerAddress() {
        ServeCommand serve = parse(Map.of(), new Properties());
        assertEquals(8080, serve.webPort);
        assertFalse(serve.trustProxy);
        assertNull(serve.allowedOrigins);
        assertEquals(8, serve.maxPerAddress);
    }

    @Test
    void theEnvironmentAndTheFileSetThemToo() {
        Properties file = new Properties();
        file.setProperty("web-port", "8081");
        file.setProperty("allowed-origins", "https://a.example,https://b.example");
        ServeCommand serve = parse(Map.of("CARRIER_TRUST_PROXY", "true", "CARRIER_MAX_PER_ADDRESS", "3"), file);
        assertEquals(8081, serve.webPort);
        assertTrue(serve.trustProxy);
        assertEquals(List.of("https://a.example", "https://b.example"), serve.allowedOrigins);
        assertEquals(3, serve.maxPerAddress);
    }

    @Test
    void flagsWin() {
        ServeCommand serve = parse(Map.of("CARRIER_WEB_PORT", "9000"), new Properties(),
                "--web-port", "0", "--trust-proxy", "--allowed-origins", "*");
        assertEquals(0, serve.webPort);
        assertTrue(serve.trustProxy);
        assertEquals(List.of("*"), serve.allowedOrigins);
    }

    private static ServeCommand parse(Map<String, String> environment, Properties file, String... flags) {
        CommandLine commandLine = new CommandLine(new CarrierCommand());
        commandLine.setDefaultValueProvider(new Settings(environment, file));
        String[] args = new String[flags.length + 1];
        args[0] = "serve";
        System.arraycopy(flags, 0, args, 1, flags.length);
        return (ServeCommand) commandLine.parseArgs(args).subcommand().commandSpec().userObject();
    }
}
