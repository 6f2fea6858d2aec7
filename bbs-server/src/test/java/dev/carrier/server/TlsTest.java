package dev.carrier.server;

import static dev.carrier.server.TestServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.json.Json;
import dev.carrier.netty.OutputLimits;
import dev.carrier.runtime.ManualTime;
import dev.carrier.tls.CertificateFiles;
import dev.carrier.tls.SelfSignedCertificate;
import dev.carrier.tls.TlsConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS as callers meet it: telnets through {@code openssl s_client} to the login and the menu,
 * HTTPS for {@code /health} with the JDK's client trusting the server's certificate, plain HTTP
 * redirected, old protocols and silent handshakes refused, and a renewed certificate picked up by
 * new connections without a restart.
 *
 * <p>The openssl tests skip with the reason when openssl is missing, unless
 * {@code CARRIER_TLS_TESTS=required} (as .ci/run sets it).
 */
class TlsTest {

    private static final String REQUIRED = "CARRIER_TLS_TESTS";

    @TempDir
    Path data;

    @TempDir
    Path files;

    private static ServerConfig withTls(Path data, TlsConfig tls) {
        return ServerConfig.forTests(data).toBuilder().tls(tls).build();
    }

    private static TlsConfig selfSigned() {
        return TlsConfig.off().withSelfSigned(true).withHandshakeTimeout(Duration.ofSeconds(2));
    }

    private static List<String> sClient(int port, String... options) {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port));
        command.addAll(List.of(options));
        return command;
    }

    @Test
    void aTelnetsCallerLogsInThroughOpensslSClient() throws Exception {
        ClientProcess.require("openssl", "openssl", REQUIRED);
        try (TestServer server = TestServer.start(withTls(data, selfSigned()))) {
            server.register("alice", "secret-alice").sendLine("g");
            try (ClientProcess openssl = ClientProcess.start(sClient(server.server().telnetsPort(), "-quiet", "-crlf"))) {
                openssl.await("login: ").sendLine("alice");
                openssl.await("password: ").sendLine("secret-alice");
                openssl.await("Main menu: ");
                assertTrue(server.server().nodes().snapshot().stream().anyMatch(node ->
                        node.handle().equals(Optional.of("alice")) && node.transport().equals("telnets")),
                        "the who list shows how alice came in: " + server.server().nodes().snapshot());
            }
        }
    }

    @Test
    void anRsaCertificateAndTraditionalKeyMadeByOpensslAreServed() throws Exception {
        ClientProcess.require("openssl", "openssl", REQUIRED);
        Path key = files.resolve("key.pem");
        Path cert = files.resolve("cert.pem");
        openssl("genrsa", "-traditional", "-out", key.toString(), "2048");
        openssl("req", "-new", "-x509", "-key", key.toString(), "-out", cert.toString(), "-days", "2",
                "-subj", "/CN=bbs.example.test");
        assertTrue(Files.readString(key).startsWith("-----BEGIN RSA PRIVATE KEY-----"), "PKCS#1, as older tools write");
        try (TestServer server = TestServer.start(withTls(data, TlsConfig.off().withFiles(cert, key)))) {
            assertEquals("CN=bbs.example.test", TlsClients.peerCertificate(server.server().webPort())
                    .getSubjectX500Principal().getName());
        }
    }

    private static void openssl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        try (ClientProcess openssl = ClientProcess.start(command)) {
            assertEquals(0, openssl.exitCode(TestServer.WAIT), String.join(" ", command) + ":\n" + openssl.output());
        }
    }

    @Test
    void tls11IsRefusedWhileTls12AndTls13AreSpoken() throws Exception {
        ClientProcess.require("openssl", "openssl", REQUIRED);
        try (TestServer server = TestServer.start(withTls(data, selfSigned()))) {
            for (int port : new int[] {server.server().telnetsPort(), server.server().webPort()}) {
                // SECLEVEL=0 lets this openssl offer TLS 1.1 at all; the server must still say no.
                ClientProcess old = ClientProcess.start(sClient(port, "-brief", "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"));
                old.close();
                int oldExit = old.exitCode(TestServer.WAIT);
                assertNotEquals(0, oldExit, "TLS 1.1 must fail the handshake:\n" + old.output());
                assertFalse(old.output().contains("Protocol version: TLSv1.1"), old.output());
                for (String version : List.of("1_2", "1_3")) {
                    ClientProcess modern = ClientProcess.start(sClient(port, "-brief", "-tls" + version));
                    modern.await("Protocol version: TLSv" + version.replace('_', '.'));
                    modern.close();
                }
            }
        }
    }

    @Test
    void httpsHealthSaysTlsIsOnAndWhenTheCertificateExpires() throws Exception {
        try (TestServer server = TestServer.start(withTls(data, selfSigned()))) {
            Path cert = data.resolve(SelfSignedCertificate.CERT_FILE);
            HttpClient https = HttpClient.newBuilder().sslContext(TlsClients.trusting(cert)).build();
            HttpResponse<String> answer = https.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + server.server().webPort() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
            JsonNode health = Json.MAPPER.readTree(answer.body());
            assertTrue(health.path("tls").asBoolean(), answer.body());
            X509Certificate served = TlsClients.peerCertificate(server.server().webPort());
            assertEquals(served.getNotAfter().toInstant(), Instant.parse(health.path("tls_expires").asText()));
            assertTrue(server.server().listeners().stream().anyMatch(line -> line.contains("https, certificate expires")),
                    "status shows TLS: " + server.server().listeners());
            // Without --redirect-http the port speaks nothing but TLS.
            HttpClient plain = HttpClient.newHttpClient();
            assertThrows(IOException.class, () -> plain.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.server().webPort() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
    }

    @Test
    void plainHealthSaysTlsIsOff() throws Exception {
        try (TestServer server = TestServer.start(data)) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.server().webPort() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode health = Json.MAPPER.readTree(answer.body());
            assertFalse(health.path("tls").asBoolean(true), answer.body());
            assertTrue(health.path("tls_expires").isMissingNode(), answer.body());
        }
    }

    @Test
    void plainHttpIsRedirectedToTheSameAddressUnderHttps() throws Exception {
        try (TestServer server = TestServer.start(withTls(data, selfSigned().withRedirectHttp(true)))) {
            int port = server.server().webPort();
            String answer;
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET /terminal.html?x=1 HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                answer = new String(TlsClients.readToEnd(socket), StandardCharsets.US_ASCII);
            }
            assertTrue(answer.startsWith("HTTP/1.1 308 "), answer);
            assertTrue(answer.toLowerCase().contains("location: https://127.0.0.1:" + port + "/terminal.html?x=1\r\n"), answer);
            // And the same port still speaks HTTPS.
            HttpClient https = HttpClient.newBuilder()
                    .sslContext(TlsClients.trusting(data.resolve(SelfSignedCertificate.CERT_FILE))).build();
            assertEquals(200, https.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void aRenewedCertificateReachesNewConnectionsWithoutARestartAndABrokenOneIsIgnored() throws Exception {
        CertificateFiles first = SelfSignedCertificate.inFolder(files.resolve("first"), Clock.systemUTC());
        CertificateFiles second = SelfSignedCertificate.inFolder(files.resolve("second"), Clock.systemUTC());
        Path cert = files.resolve("fullchain.pem");
        Path key = files.resolve("privkey.pem");
        Files.copy(first.cert(), cert);
        Files.copy(first.key(), key);
        ManualTime time = new ManualTime(Instant.now());
        TlsConfig tls = TlsConfig.off().withFiles(cert, key);
        try (TestServer server = TestServer.start(withTls(data, tls).toBuilder().time(time).build())) {
            int telnets = server.server().telnetsPort();
            int web = server.server().webPort();
            // Checked on the web port while time is moved: a telnets caller's session would add timers of its own.
            assertEquals(serial(first.cert()), TlsClients.peerCertificate(web).getSerialNumber());

            // certbot-style: new files written over the old ones
            Files.copy(second.key(), key, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(second.cert(), cert, StandardCopyOption.REPLACE_EXISTING);
            lookAtTheFiles(time, tls.reloadCheck());
            assertEquals(serial(second.cert()), TlsClients.peerCertificate(web).getSerialNumber());
            assertEquals(Optional.of(serial(second.cert())), server.server().tlsCertificate().map(c -> c.serial()));

            // a broken renewal: the certificate in use stays
            Files.writeString(cert, "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
            lookAtTheFiles(time, tls.reloadCheck());
            assertEquals(serial(second.cert()), TlsClients.peerCertificate(web).getSerialNumber());
            assertEquals(serial(second.cert()), TlsClients.peerCertificate(telnets).getSerialNumber(), "telnets too");
        }
    }

    /**
     * Moves time past the next look at the files and waits until the worker has looked: the watch
     * is due again only once the look is done, so the count of timers is back where it was.
     */
    private static void lookAtTheFiles(ManualTime time, Duration period) {
        int pending = time.pending();
        time.advance(period);
        eventually().until(() -> time.pending() == pending);
    }

    private static java.math.BigInteger serial(Path pem) throws Exception {
        try (var in = Files.newInputStream(pem)) {
            return ((X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in))
                    .getSerialNumber();
        }
    }

    @Test
    void aHandshakeThatNeverCompletesIsClosedAndTakesNoNode() throws Exception {
        TlsConfig tls = selfSigned().withHandshakeTimeout(Duration.ofMillis(300));
        try (TestServer server = TestServer.start(withTls(data, tls))) {
            for (int port : new int[] {server.server().telnetsPort(), server.server().webPort()}) {
                try (Socket silent = new Socket("127.0.0.1", port)) {
                    long start = System.nanoTime();
                    TlsClients.readToEnd(silent); // returns once the server closes
                    assertTrue(System.nanoTime() - start < TestServer.WAIT.toNanos(), "closed before the deadline");
                }
                assertEquals(0, server.server().nodes().inUse());
            }
        }
    }

    @Test
    void telnetsSharesThePerAddressLimitAndSaysSoOverTls() throws Exception {
        ServerConfig config = withTls(data, selfSigned()).toBuilder().maxPerAddress(1).build();
        try (TestServer server = TestServer.start(config);
             SSLSocket first = TlsClients.open(server.server().telnetsPort());
             SSLSocket second = TlsClients.open(server.server().telnetsPort())) {
            String refusal = new String(TlsClients.readToEnd(second), StandardCharsets.US_ASCII);
            assertTrue(refusal.contains("Too many connections from your address (1 at most)"), refusal);
            assertEquals(255, first.getInputStream().read(), "the first caller is being negotiated with (IAC)");
        }
    }

    @Test
    void aTelnetsClientThatSendsAndNeverReadsStopsBeingReadAndIsHungUpOn() throws Exception {
        ServerConfig config = withTls(data, selfSigned())
                .withOutput(new OutputLimits(Duration.ofSeconds(2), OutputLimits.DEFAULT_MAX_PENDING_BYTES));
        long budget = 256L * 1024 * 1024; // far more than the socket buffers on both sides hold
        try (TestServer server = TestServer.start(config);
             SSLSocket attacker = TlsClients.open(server.server().telnetsPort())) {
            byte[] areYouThere = new byte[4096]; // IAC AYT, each answered
            for (int i = 0; i < areYouThere.length; i += 2) {
                areYouThere[i] = (byte) 255;
                areYouThere[i + 1] = (byte) 246;
            }
            AtomicLong sent = new AtomicLong();
            AtomicLong lastWrite = new AtomicLong(System.nanoTime());
            CompletableFuture<IOException> flood = CompletableFuture.supplyAsync(() -> {
                try {
                    OutputStream out = attacker.getOutputStream();
                    while (sent.get() < budget) {
                        out.write(areYouThere);
                        sent.addAndGet(areYouThere.length);
                        lastWrite.set(System.nanoTime());
                    }
                    return null;
                } catch (IOException e) {
                    return e;
                }
            });
            // Behind the SslHandler the guard still stops reading: the writes stall long before the budget.
            eventually().until(() -> System.nanoTime() - lastWrite.get() > Duration.ofMillis(500).toNanos());
            assertTrue(sent.get() < budget, "the server took " + sent.get() + " bytes without the client reading");
            assertTrue(flood.get(TestServer.WAIT.toSeconds(), TimeUnit.SECONDS) != null,
                    "the client that never reads is hung up on, so its blocked write fails");
            server.call().close(); // others are still served
        }
    }

    @Test
    void theSelfSignedCertificateIsKeptAcrossRestartsWithAPrivateKey() throws Exception {
        X509Certificate first;
        try (TestServer server = TestServer.start(withTls(data, selfSigned()))) {
            first = TlsClients.peerCertificate(server.server().telnetsPort());
        }
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve(SelfSignedCertificate.KEY_FILE))));
        try (TestServer server = TestServer.start(withTls(data, selfSigned()))) {
            assertEquals(first, TlsClients.peerCertificate(server.server().telnetsPort()));
        }
    }
}
