package dev.carrier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser terminal in a real browser: Debian's headless Chromium, driven by Playwright from
 * the Node script in bbs-web/src/test/browser. This test starts the server and, when the script
 * asks, stops it and starts it again on the same web port; the script checks that two pages chat
 * and that both call again by themselves. Screenshots land in target/browser.
 *
 * <p>What it needs, and when it is skipped, is {@link BrowserScript}'s.
 */
class BrowserTerminalTest {

    private static final String SCRIPT = "browser-terminal.mjs";
    private static final long DEADLINE_SECONDS = 120;

    @TempDir
    Path data;

    @Test
    void twoPagesChatAndCallAgainByThemselvesAfterARestart() throws Exception {
        ServerConfig config = ServerConfig.forTests(data);
        CarrierServer server = CarrierServer.start(config);
        int webPort = server.webPort();
        boolean restarted = false;
        try (BrowserScript browser = BrowserScript.start(SCRIPT, "http://127.0.0.1:" + webPort + "/", DEADLINE_SECONDS)) {
            for (Optional<String> line = browser.nextLine(); line.isPresent(); line = browser.nextLine()) {
                if (line.get().equals("RESTART-SERVER")) {
                    server.close();
                    server = CarrierServer.start(config.toBuilder().webPort(Port.of(webPort)).build()); // the same port
                    restarted = true;
                    browser.tell("SERVER-RESTARTED");
                }
            }
            String output = browser.output();
            assertEquals(0, browser.exitCode(), "the browser test failed:\n" + output);
            assertTrue(restarted, "the script never asked for the restart:\n" + output);
            assertTrue(output.contains("both pages reconnected by themselves"), output);
            assertTrue(Files.size(BrowserScript.OUT.resolve("terminal-chat.png")) > 0, "a screenshot of the chat");
        } finally {
            server.close();
        }
    }

    /**
     * The same page over HTTPS and WSS (bbs-web/src/test/browser/browser-https.mjs): opened at the
     * plain http:// address, it must be redirected to https://, its terminal must connect over
     * wss://, and two pages must chat. The server makes its own self-signed certificate.
     */
    @Test
    void aPageOpenedAtHttpIsRedirectedToHttpsAndChatsOverWss() throws Exception {
        ServerConfig config = ServerConfig.forTests(data).toBuilder()
                .tls(dev.carrier.tls.TlsConfig.off().withSelfSigned(true).withRedirectHttp(true)).build();
        try (CarrierServer server = CarrierServer.start(config);
                BrowserScript browser = BrowserScript.start("browser-https.mjs",
                        "http://127.0.0.1:" + server.webPort() + "/", DEADLINE_SECONDS)) {
            String output = browser.awaitSuccess();
            assertTrue(output.contains("https browser test passed"), output);
            assertTrue(Files.size(BrowserScript.OUT.resolve("terminal-https.png")) > 0, "a screenshot of the chat over https");
        }
    }
}
