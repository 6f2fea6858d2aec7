package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** carrier user add|list|show|passwd|ban|unban|sysop|delete, on a stopped and on a running server. */
class UserCommandTest {

    @TempDir
    Path data;

    @Test
    void usersAreAddedListedAndShownWhileTheServerIsStopped() throws Exception {
        assertEquals("added sysop (sysop)\n", Cli.addUser(data, "sysop", "secret1", "--sysop").succeeded().out());
        Cli.addUser(data, "alice", "secret2").succeeded();

        String list = Cli.run(data, "user", "list").succeeded().out();
        assertTrue(list.startsWith("HANDLE"), list);
        assertTrue(list.matches("(?s).*\\nalice\\s+-\\s.*"), list);
        assertTrue(list.matches("(?s).*\\nsysop\\s+sysop\\s.*"), list);
        assertTrue(list.endsWith("2 users\n"), list);

        JsonNode json = new ObjectMapper().readTree(Cli.run(data, "user", "list", "--json").succeeded().out());
        assertEquals(2, json.size());
        assertEquals("alice", json.get(0).get("handle").asText());
        assertTrue(json.get(1).get("sysop").asBoolean());

        String alice = Cli.run(data, "user", "show", "ALICE").succeeded().out();
        assertTrue(alice.contains("handle:      alice"), alice);
        assertTrue(alice.contains("sysop:       no"), alice);
    }

    @Test
    void changesMadeWhileStoppedHoldWhenTheServerStarts() {
        Cli.addUser(data, "alice", "secret1").succeeded();
        Cli.addUser(data, "bob", "secret2").succeeded();
        Cli.runWithInput(data, "newpass1\n", "user", "passwd", "alice", "--password-stdin").succeeded();
        assertEquals("banned bob (the server is not running)\n",
                Cli.run(data, "user", "ban", "bob").succeeded().out());
        String audit = Cli.run(data, "audit").succeeded().out();
        assertTrue(audit.matches("(?s).*shell:\\S+\\s+user\\.passwd\\s+alice\\n.*shell:\\S+\\s+user\\.ban\\s+bob\\n"), audit);

        try (TestServer bbs = TestServer.start(data)) {
            bbs.login("alice", "newpass1");
            TelnetTestClient bob = bbs.call();
            bob.sendLine("bob");
            bob.awaitText("password: ", WAIT);
            bob.sendLine("secret2");
            bob.awaitText("This account is banned.", WAIT);
            assertTrue(bob.awaitClosed(WAIT));
        }
    }

    @Test
    void passwdThroughTheRunningServerTakesEffectAtTheNextLogin() {
        try (TestServer bbs = TestServer.start(data)) {
            bbs.register("alice", "secret1").close();
            assertEquals("changed the password of alice\n",
                    Cli.runWithInput(data, "brandnew\n", "user", "passwd", "alice", "--password-stdin")
                            .succeeded().out());
            bbs.login("alice", "brandnew");
        }
    }

    @Test
    void sysopRightsAreGrantedAndRevoked() {
        Cli.addUser(data, "alice", "secret1").succeeded();
        assertEquals("alice is now a sysop\n", Cli.run(data, "user", "sysop", "alice").succeeded().out());
        assertTrue(Cli.run(data, "user", "show", "alice").out().contains("sysop:       yes"));
        assertEquals("alice is no longer a sysop\n",
                Cli.run(data, "user", "sysop", "alice", "--revoke").succeeded().out());
    }

    @Test
    void deleteOnTheRunningServerRemovesTheAccountAndHangsUp() {
        try (TestServer bbs = TestServer.start(data)) {
            TelnetTestClient alice = bbs.register("alice", "secret1");
            assertEquals("deleted alice; hung up 1 live session\n",
                    Cli.run(data, "user", "delete", "alice").succeeded().out());
            alice.awaitText("*** Your account has been removed by the sysop. Goodbye.", WAIT);
            assertTrue(alice.awaitClosed(WAIT));
            Cli.Result show = Cli.run(data, "user", "show", "alice");
            assertEquals(1, show.code(), show.toString());
        }
    }

    @Test
    void refusalsExitWithOneAndOneLine() {
        Cli.addUser(data, "alice", "secret1").succeeded();

        Cli.Result unknown = Cli.run(data, "user", "ban", "nobody");
        assertEquals(1, unknown.code(), unknown.toString());
        assertEquals("carrier: no user named nobody\n", unknown.err());

        Cli.Result taken = Cli.addUser(data, "ALICE", "secret2");
        assertEquals(1, taken.code(), taken.toString());
        assertEquals("carrier: the handle ALICE is taken\n", taken.err());

        Cli.Result shortPassword = Cli.addUser(data, "bob", "abc");
        assertEquals(1, shortPassword.code(), shortPassword.toString());
        assertEquals("carrier: password must be 6 to 72 characters\n", shortPassword.err());

        Cli.Result badHandle = Cli.addUser(data, "no spaces", "secret1");
        assertEquals(1, badHandle.code(), badHandle.toString());
        assertTrue(badHandle.err().startsWith("carrier: handle must be 2-20"), badHandle.err());
    }

    @Test
    void aMistypedDataFolderIsNotCreated() {
        Path elsewhere = data.resolve("typo");
        Cli.Result list = Cli.run(elsewhere, "user", "list");
        assertEquals(1, list.code(), list.toString());
        assertTrue(list.err().contains("no Carrier data in"), list.err());
        assertFalse(Files.exists(elsewhere.resolve("carrier.db")));
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, Cli.run(data, "user").code());
        assertEquals(2, Cli.run(data, "user", "ban").code());
        assertEquals(2, Cli.run(data, "user", "frob", "alice").code());
        assertEquals(2, Cli.run(data, "kick").code());
        assertEquals(2, Cli.run(data, "audit", "--limit", "many").code());
    }
}
