package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example client in examples/ is built with the JDK's compiler, run as its own program
 * against a real server, and answers a telnet caller's {@code !ping} in chat and in a DM.
 */
class ExampleBotTest {

    private static final Path SOURCE = Path.of("..", "examples", "PingBot.java");

    @TempDir
    Path data;

    @TempDir
    Path classes;

    @Test
    void theExampleBotIsShortAndUsesNothingButTheJdk() throws Exception {
        List<String> lines = Files.readAllLines(SOURCE);
        assertTrue(lines.size() < 200, "the example must stay under 200 lines; it has " + lines.size());
        assertTrue(lines.stream().filter(line -> line.startsWith("import "))
                .allMatch(line -> line.startsWith("import java.")), "the example imports only java.*");
    }

    @Test
    void theExampleBotAnswersPingInChatAndInDirectMessages() throws Exception {
        compile();
        try (TestServer bbs = TestServer.start(data)) {
            bbs.json("pingbot").close(); // creates the account the bot logs in with
            Process bot = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classes.toString(), "PingBot", bbs.webOrigin(), "pingbot", "secret-pingbot")
                    .redirectErrorStream(true).redirectOutput(data.resolve("bot.log").toFile()).start();
            try {
                JsonClient watcher = bbs.json("carol");
                await().atMost(WAIT).until(() -> StreamSupport.stream(watcher.get("/api/presence").body().spliterator(), false)
                        .anyMatch(user -> user.path("username").asText().equals("pingbot")));

                TelnetTestClient bob = bbs.inChat("bob");
                bob.sendLine("!ping");
                bob.awaitText("<pingbot> pong", WAIT);
                bob.sendLine("/msg pingbot !ping");
                bob.awaitText("[DM from pingbot] pong", WAIT);
            } finally {
                bot.destroy();
            }
            assertTrue(Files.readString(data.resolve("bot.log")).contains("connected as pingbot, protocol 1"),
                    Files.readString(data.resolve("bot.log")));
        }
    }

    private void compile() {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, "-d", classes.toString(), "-Xlint:all", "-Werror",
                SOURCE.toString().replace('/', File.separatorChar));
        assertEquals(0, status, "examples/PingBot.java does not compile cleanly:\n" + errors);
    }
}
