package dev.carrier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An /events connection lives no longer than the token it was opened with. */
class TokenExpiryTest {

    @TempDir
    Path data;

    @Test
    void anEventsSocketClosesWhenItsTokenExpires() {
        ServerConfig tests = ServerConfig.forTests(data);
        ServerConfig shortTokens = new ServerConfig(tests.dataDir(), tests.menusDir(), tests.bindAddress(),
                tests.telnetPort(), tests.cp437TerminalTypes(), tests.negotiationTimeout(), tests.passwordCost(),
                tests.awayAfter(), tests.engine(), tests.chat(), tests.clock(), tests.scheduler(), tests.web(),
                tests.maxPerAddress(), Duration.ofSeconds(2), tests.telnetKeepalive());
        try (TestServer bbs = TestServer.start(shortTokens)) {
            JsonClient bob = bbs.json("bob").connect();
            bob.await("presence");
            assertEquals(1000, bob.awaitClosed());
            assertEquals(401, bob.get("/api/presence").status());
        }
    }
}
