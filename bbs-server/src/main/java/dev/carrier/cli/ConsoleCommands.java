package dev.carrier.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The commands inside {@code carrier console}: the sysop commands, help, and exit. */
@Command(name = "carrier-console",
        description = "The sysop console: the carrier commands without the carrier in front.",
        subcommands = {UserCommand.class, WhoCommand.class, KickCommand.class, BroadcastCommand.class,
            ChatCommand.class, StatusCommand.class, AuditCommand.class, TailCommand.class, ConsoleCommands.Exit.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Examples:", "  who", "  user ban spammer --reason flooding", "  tail", "  exit"})
final class ConsoleCommands implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Console console;

    ConsoleCommands(Console console) {
        this.console = console;
    }

    ConsoleContext context() {
        return console;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "exit", aliases = "quit", mixinStandardHelpOptions = true, description = "Leaves the console.",
            footer = {"", "Examples:", "  exit"})
    static final class Exit implements Runnable {
        @CommandLine.ParentCommand
        ConsoleCommands parent;

        @Override
        public void run() {
            parent.console.stop();
        }
    }
}
