package dev.carrier.server;

import static dev.carrier.server.ServerCluster.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.store.Database;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sysop's offline commands on the cluster's PostgreSQL, while no server runs and while the
 * servers do (from a machine with no server of its own), and {@code --cluster} without PostgreSQL
 * refused. {@link PostgresServerTest} has add, ban, list and audit; here are the rest.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ClusterOfflineCommandsTest {

    private static final String KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINCRVX1X+Z5xL7iF3pHnaXc3otEt+OZIyGX1GaSEguod alice@laptop";

    @RegisterExtension
    final ClusterGround ground = new ClusterGround();

    @Test
    void clusterWithoutPostgresqlIsRefusedBeforeAnythingStarts() throws Exception {
        Path data = ground.root().resolve("alone");
        ChildServer.Refusal refusal = ChildServer.refused(data, Duration.ofSeconds(60),
                "--cluster", "nats://127.0.0.1:4222", "--server-name", "srv1");
        assertEquals(2, refusal.code(), refusal.output());
        // A line saying why, as every refused value gets: not an unknown option's usage screen.
        String reason = refusal.output().lines().filter(line -> line.startsWith("carrier: ")).findFirst().orElse("");
        assertFalse(refusal.output().contains("Usage:"), refusal.output());
        assertTrue(reason.contains("--cluster"), refusal.output());
        assertTrue(reason.toLowerCase(Locale.ROOT).contains("postgresql"), refusal.output());
        assertFalse(Files.exists(data.resolve(Database.FILE_NAME)), "no SQLite file was made");
    }

    @Test
    void theRestOfTheUserCommandsWorkOnTheClustersDatabaseBeforeAndWhileItRuns() throws Exception {
        String url = ground.database();
        Path shell = ground.root().resolve("shell"); // a sysop's machine: no server of its own
        Cli.addUser(shell, "alice", "first-pass", "--database", url).succeeded();
        Cli.addUser(shell, "bob", "secret-bob", "--database", url).succeeded();
        Cli.runWithInput(shell, ServerCluster.secret("alice") + "\n", "user", "passwd", "alice", "--password-stdin",
                "--database", url).succeeded();
        Cli.run(shell, "user", "sysop", "alice", "--database", url).succeeded();
        assertTrue(Cli.run(shell, "user", "show", "alice", "--database", url).succeeded().out()
                .contains("sysop:       yes"));
        Cli.run(shell, "user", "ban", "bob", "--database", url).succeeded();
        Cli.run(shell, "user", "unban", "bob", "--database", url).succeeded();
        Cli.addUser(shell, "carol", "secret-carol", "--database", url).succeeded();
        Cli.run(shell, "user", "delete", "carol", "--database", url).succeeded();
        assertTrue(Cli.runWithInput(shell, KEY + "\n", "user", "key", "add", "alice", "--database", url)
                .succeeded().out().startsWith("added the ssh-ed25519 key"));
        String keys = Cli.run(shell, "user", "key", "list", "alice", "--database", url).succeeded().out();
        assertTrue(keys.endsWith("1 key\n"), keys);
        String list = Cli.run(shell, "user", "list", "--database", url).succeeded().out();
        assertTrue(list.endsWith("2 users\n"), list);
        String audit = Cli.run(shell, "audit", "--database", url).succeeded().out();
        for (String action : new String[] {"user.passwd", "user.sysop", "user.unban", "user.delete", "user.key.add"}) {
            assertTrue(audit.contains(action), action + " in " + audit);
        }
        assertFalse(Files.exists(shell.resolve(Database.FILE_NAME)), "nothing went to the SQLite file");

        try (ServerCluster cluster = ground.start(2)) {
            cluster.login(0, "alice");
            cluster.login(1, "alice");
            cluster.login(1, "bob");

            // While the servers run, an offline command from the shell still reaches their database.
            Cli.runWithInput(shell, "third-pass\n", "user", "passwd", "bob", "--password-stdin", "--database", url)
                    .succeeded();
            for (int i = 0; i < 2; i++) {
                TelnetTestClient bob = cluster.call(i);
                bob.sendLine("bob");
                bob.awaitText("password: ", WAIT);
                bob.sendLine("third-pass");
                bob.awaitText("Main menu: ", WAIT);
            }
            TelnetTestClient carol = cluster.call(0);
            carol.sendLine("carol");
            carol.awaitText("password: ", WAIT);
            carol.sendLine("secret-carol");
            carol.awaitText("Login incorrect.", WAIT);
        }
    }
}
