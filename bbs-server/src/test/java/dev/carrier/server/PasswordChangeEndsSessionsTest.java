package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.sysop.UserAdmin;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new password set by the sysop ends everything the old one opened. */
class PasswordChangeEndsSessionsTest {

    @TempDir
    Path data;

    @Test
    void passwdOnTheRunningServerHangsUpRevokesTokensAndClosesEvents() {
        try (TestServer bbs = TestServer.start(data)) {
            TelnetTestClient telnet = bbs.register("bob", "secret-bob");
            JsonClient json = bbs.json("bob").connect();
            json.await("presence");
            JsonClient rest = bbs.json("bob");
            assertEquals(200, rest.get("/api/presence").status());

            Cli.runWithInput(data, "brandnew\n", "user", "passwd", "bob", "--password-stdin").succeeded();

            telnet.awaitText(UserAdmin.PASSWORD_CHANGED, WAIT);
            assertTrue(telnet.awaitClosed(WAIT), "the telnet session was hung up");
            assertEquals(401, rest.get("/api/presence").status());
            json.awaitClosed();
            bbs.login("bob", "brandnew");
        }
    }

    @Test
    void passwdOnTheStoppedServerRevokesTokensKeptInTheFile() {
        String token;
        try (TestServer bbs = TestServer.start(data)) {
            JsonClient bob = bbs.json("bob");
            assertEquals(200, bob.get("/api/presence").status());
            token = bob.token();
        }
        Cli.runWithInput(data, "brandnew\n", "user", "passwd", "bob", "--password-stdin").succeeded();
        try (TestServer bbs = TestServer.start(data)) {
            assertEquals(401, JsonClient.withToken(bbs.webOrigin(), token).get("/api/presence").status());
        }
    }
}
