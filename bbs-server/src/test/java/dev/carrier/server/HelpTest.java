package dev.carrier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command answers --help with a description and examples, and exits 0. */
class HelpTest {

    private static void collect(CommandLine command, List<String> path, List<List<String>> all) {
        all.add(path);
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            if (sub.getKey().equals("help") || !sub.getKey().equals(sub.getValue().getCommandName())) continue;
            List<String> longer = new ArrayList<>(path);
            longer.add(sub.getKey());
            collect(sub.getValue(), longer, all);
        }
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        List<List<String>> commands = new ArrayList<>();
        collect(CarrierCommand.commandLine(new String[0], Map.of()), List.of(), commands);
        assertTrue(commands.size() >= 17, commands.toString());
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            Cli.Result help = Cli.runAsGiven(args.toArray(String[]::new));
            assertEquals(0, help.code(), command + ": " + help);
            assertTrue(help.out().contains("Examples:"), command + " has no examples:\n" + help.out());
        }
    }
}
