package dev.carrier.server;

import dev.carrier.cli.AuditCommand;
import dev.carrier.cli.BroadcastCommand;
import dev.carrier.cli.ChatCommand;
import dev.carrier.cli.ConsoleCommand;
import dev.carrier.cli.Errors;
import dev.carrier.cli.KickCommand;
import dev.carrier.cli.StatusCommand;
import dev.carrier.cli.TailCommand;
import dev.carrier.cli.UserCommand;
import dev.carrier.cli.WhoCommand;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code carrier}: the one program a sysop runs. */
@Command(name = "carrier",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        subcommands = {ServeCommand.class,
            UserCommand.class, WhoCommand.class, KickCommand.class, BroadcastCommand.class, ChatCommand.class,
            StatusCommand.class, AuditCommand.class, TailCommand.class, ConsoleCommand.class,
            CommandLine.HelpCommand.class},
        description = {
            "Carrier: a BBS-style chat server for telnet, the browser and JSON clients.",
            "",
            "Every option can also come from the environment (--telnet-port is CARRIER_TELNET_PORT)",
            "or from carrier.properties in the data folder (telnet-port=2323). Flags win, then",
            "the environment, then the file.",
            "",
            "The sysop commands (user, who, kick, broadcast, status, audit, tail, console) find a running "
                    + "server through admin.json in the data folder and talk to it over loopback; user and audit "
                    + "work on the database file when no server runs.",
            "",
            "Exit codes: 0 done, 1 refused or failed (with the reason on one line), 2 usage."},
        footer = {"", "Examples:", "  carrier serve", "  carrier serve --telnet-port 2300 --data-dir /srv/bbs",
            "  carrier user add sysop --sysop", "  carrier who", "  carrier console"})
public final class CarrierCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("serve")) {
            // A sysop command's output is its answer: the server's info lines would only be in the way.
            System.setProperty(LogFormat.LEVEL_PROPERTY, "WARN");
        }
        System.exit(execute(args));
    }

    static int execute(String... args) {
        CommandLine commandLine = commandLine(args, System.getenv());
        int code = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return code;
    }

    /**
     * The program's command line for these arguments: defaults from the environment and the data
     * folder's carrier.properties, and failures as one line with exit code 1.
     */
    public static CommandLine commandLine(String[] args, Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new CarrierCommand());
        commandLine.setDefaultValueProvider(Settings.forArguments(args, environment));
        commandLine.setExecutionExceptionHandler(new Errors());
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
