package dev.carrier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package the build made, read with Debian's own dpkg-deb: what it installs where and
 * with which modes, its conffile and maintainer scripts, the hardened unit, and the launcher from
 * the unpacked tree running {@code carrier --version} and a server that stops cleanly on SIGTERM;
 * where systemd is installed, its own rating of the unit's exposure.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DebianPackageIT {

    private static Path deb;

    @TempDir
    Path work;

    @BeforeAll
    static void findPackage() throws IOException {
        Path target = Path.of(System.getProperty("carrier.target", "target"));
        try (Stream<Path> files = Files.list(target)) {
            List<Path> debs = files.filter(p -> p.getFileName().toString().matches("carrier_.+_all\\.deb")).toList();
            assertEquals(1, debs.size(), "one carrier_VERSION_all.deb in " + target + ": " + debs);
            deb = debs.get(0);
        }
    }

    private static String version() {
        return System.getProperty("carrier.version");
    }

    @Test
    void theControlFieldsNameTheProgramAndTheJavaItNeeds() throws Exception {
        assertEquals("carrier", run("dpkg-deb", "--field", deb.toString(), "Package").strip());
        assertEquals("all", run("dpkg-deb", "--field", deb.toString(), "Architecture").strip());
        assertEquals(version().replace("-SNAPSHOT", "~SNAPSHOT"), run("dpkg-deb", "--field", deb.toString(), "Version").strip());
        assertTrue(run("dpkg-deb", "--field", deb.toString(), "Depends").contains("default-jre-headless"));
        assertEquals("carrier_" + version().replace("-SNAPSHOT", "~SNAPSHOT") + "_all.deb", deb.getFileName().toString());
    }

    @Test
    void itInstallsTheJarLauncherMenusSettingsUnitAndAPrivateDataFolder() throws Exception {
        String contents = run("dpkg-deb", "--contents", deb.toString());
        assertEntry(contents, "-rwxr-xr-x", "./usr/bin/carrier");
        assertEntry(contents, "-rw-r--r--", "./usr/share/carrier/carrier.jar");
        assertEntry(contents, "-rw-r--r--", "./usr/share/carrier/menus/main.yml");
        assertEntry(contents, "-rw-r-----", "./etc/carrier/carrier.properties");
        assertEntry(contents, "-rw-r--r--", "./lib/systemd/system/carrier.service");
        assertEntry(contents, "drwx------", "./var/lib/carrier/");

        Path control = work.resolve("control");
        run("dpkg-deb", "--control", deb.toString(), control.toString());
        assertEquals("/etc/carrier/carrier.properties", Files.readString(control.resolve("conffiles")).strip());
        String postinst = Files.readString(control.resolve("postinst"));
        assertTrue(postinst.contains("adduser --system --group --home /var/lib/carrier"), postinst);
        assertTrue(postinst.contains("install -d -o carrier -g carrier -m 0700 /var/lib/carrier"), postinst);
        assertTrue(Files.isExecutable(control.resolve("postinst")) && Files.isExecutable(control.resolve("prerm"))
                && Files.isExecutable(control.resolve("postrm")));
    }

    @Test
    void theUnitRunsAsTheCarrierUserHardenedWithOnlyTheLowPortsCapability() throws Exception {
        Path root = unpack();
        List<String> unit = Files.readAllLines(root.resolve("lib/systemd/system/carrier.service"));
        for (String line : List.of("User=carrier", "ExecStart=/usr/bin/carrier serve", "ProtectSystem=strict",
                "NoNewPrivileges=yes", "AmbientCapabilities=CAP_NET_BIND_SERVICE",
                "CapabilityBoundingSet=CAP_NET_BIND_SERVICE", "ReadWritePaths=/var/lib/carrier",
                "Environment=CARRIER_CONFIG=/etc/carrier/carrier.properties", "KillSignal=SIGTERM",
                "WantedBy=multi-user.target")) {
            assertTrue(unit.contains(line), line + " in the unit");
        }
    }

    @Test
    void systemdRatesTheUnitsExposureOk() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        Assumptions.assumeTrue(Files.isExecutable(analyze), "systemd-analyze (systemd) is not installed");
        Path root = unpack();
        String rating = run(analyze.toString(), "security", "--offline=true", "--root=" + root,
                root.resolve("lib/systemd/system/carrier.service").toString());
        Matcher overall = Pattern.compile("Overall exposure level for carrier.service: (\\d+\\.\\d)").matcher(rating);
        assertTrue(overall.find(), rating);
        double exposure = Double.parseDouble(overall.group(1));
        assertTrue(exposure < 5.0, "systemd rates the unit's exposure " + exposure + " (under 5 is OK):\n" + rating);
    }

    @Test
    void theUnpackedLauncherAnswersVersionAndServesUntilSigterm() throws Exception {
        Path root = unpack();
        Path launcher = root.resolve("usr/bin/carrier");
        assertEquals("carrier " + version(), run(launcher.toString(), "--version").strip());

        Path data = work.resolve("data");
        ProcessBuilder serve = new ProcessBuilder(launcher.toString(), "serve", "--bind", "127.0.0.1",
                "--telnet-port", String.valueOf(freePort()), "--web-port", "0", "--ssh-port", "0",
                "--password-cost", "4").redirectErrorStream(true);
        environment(serve).put("CARRIER_DATA_DIR", data.toString());
        Process server = serve.start();
        StringBuffer said = new StringBuffer();
        CountDownLatch up = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    said.append(line).append('\n');
                    if (line.contains(" is up.")) up.countDown();
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            assertTrue(up.await(60, TimeUnit.SECONDS), said::toString);
            assertTrue(said.toString().contains("Data in " + data), said::toString);
            assertTrue(Files.isRegularFile(data.resolve("carrier.db")), "the database in CARRIER_DATA_DIR");
            server.toHandle().destroy();
            assertTrue(server.waitFor(ServeCommand.STOP_BOUND.toSeconds(), TimeUnit.SECONDS), said::toString);
            assertEquals(0, server.exitValue(), said::toString);
        } finally {
            server.destroyForcibly();
        }
    }

    private Path unpack() throws Exception {
        Path root = work.resolve("root");
        run("dpkg-deb", "--extract", deb.toString(), root.toString());
        return root;
    }

    private static void assertEntry(String contents, String mode, String path) {
        boolean found = contents.lines().anyMatch(line -> line.startsWith(mode) && line.endsWith(" " + path));
        assertTrue(found, mode + " " + path + " in:\n" + contents);
    }

    /** The launcher runs whatever {@code java} is on the PATH: make it this test's. */
    private static Map<String, String> environment(ProcessBuilder builder) {
        Map<String, String> environment = builder.environment();
        environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + environment.getOrDefault("PATH", ""));
        environment.remove("CARRIER_CONFIG");
        return environment;
    }

    private static String run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment(builder);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + output);
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
