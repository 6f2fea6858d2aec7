package dev.carrier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StartupTest {

    @TempDir
    Path dir;

    @Test
    void aDamagedDatabaseStopsStartUpNamingTheFile() throws IOException {
        Files.write(dir.resolve("carrier.db"), "this is not a database, not at all!".repeat(200).getBytes());
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> CarrierServer.start(ServerConfig.forTests(dir)));
        assertTrue(e.getMessage().contains("carrier.db"), e.getMessage());
    }

    @Test
    void aDataFolderThatIsAFileStopsStartUp() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> CarrierServer.start(ServerConfig.forTests(file.resolve("data"))));
        assertTrue(e.getMessage().contains("plain-file"), e.getMessage());
    }

    @Test
    void aMenuNamingAMissingServiceStopsStartUpWithFileAndLine() throws IOException {
        Path menus = Files.createDirectory(dir.resolve("menus"));
        Files.writeString(menus.resolve("main.yml"), """
                title: Main Menu
                entries:
                  - { key: W, label: Who, service: __who__ }
                  - { key: Q, label: Quests, service: __quests__ }
                """);
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> CarrierServer.start(ServerConfig.forTests(dir.resolve("data")).withMenusDir(menus)));
        assertTrue(e.getMessage().contains("main.yml line 4"), e.getMessage());
        assertTrue(e.getMessage().contains("__quests__"), e.getMessage());
    }

    @Test
    void theShippedMenusLoad() {
        try (CarrierServer server = CarrierServer.start(
                ServerConfig.forTests(dir.resolve("data")).withMenusDir(Path.of("..", "menus")))) {
            assertTrue(server.menus().main().entryFor('w').isPresent());
            assertTrue(server.menus().banner().contains("{node}"));
        }
    }

    @Test
    void helpListsEveryServeOption() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine serve = new CommandLine(new CarrierCommand()).getSubcommands().get("serve");
        serve.usage(new PrintStream(out, true, StandardCharsets.UTF_8));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String option : new String[] {"--data-dir", "--telnet-port", "--max-nodes", "--menus-dir", "--bind"}) {
            assertTrue(help.contains(option), option + " missing from:\n" + help);
        }
    }

    @Test
    void optionsComeFromFlagsThenEnvironmentThenTheFile() throws IOException {
        Properties file = new Properties();
        file.setProperty("telnet-port", "2001");
        file.setProperty("max-nodes", "7");
        file.setProperty("bbs-name", "From File");
        Settings settings = new Settings(Map.of("CARRIER_MAX_NODES", "9"), file);
        CommandLine commandLine = new CommandLine(new CarrierCommand());
        commandLine.setDefaultValueProvider(settings);
        CommandLine.ParseResult parsed = commandLine.parseArgs("serve", "--bbs-name", "From Flag");
        ServeCommand serve = (ServeCommand) parsed.subcommand().commandSpec().userObject();
        assertEquals(2001, serve.telnetPort);
        assertEquals(9, serve.maxNodes);
        assertEquals("From Flag", serve.bbsName);
    }

    @Test
    void thePropertiesFileIsFoundInTheDataFolderGivenOnTheCommandLine() throws IOException {
        Path data = Files.createDirectory(dir.resolve("elsewhere"));
        Files.writeString(data.resolve(Settings.FILE_NAME), "telnet-port=2777\n");
        Settings settings = Settings.forArguments(new String[] {"serve", "--data-dir", data.toString()}, Map.of());
        CommandLine commandLine = new CommandLine(new CarrierCommand());
        commandLine.setDefaultValueProvider(settings);
        CommandLine.ParseResult parsed = commandLine.parseArgs("serve", "--data-dir", data.toString());
        assertEquals(2777, ((ServeCommand) parsed.subcommand().commandSpec().userObject()).telnetPort);
    }
}
