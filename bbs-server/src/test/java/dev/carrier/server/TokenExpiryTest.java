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
        ServerConfig shortTokens = ServerConfig.forTests(data).toBuilder().tokenTtl(Duration.ofSeconds(2)).build();
        try (TestServer bbs = TestServer.start(shortTokens)) {
            JsonClient bob = bbs.json("bob").connect();
            bob.await("presence");
            assertEquals(1000, bob.awaitClosed());
            assertEquals(401, bob.get("/api/presence").status());
        }
    }
}
