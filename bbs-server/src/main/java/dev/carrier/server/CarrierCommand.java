package dev.carrier.server;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code carrier}: the one program a sysop runs. */
@Command(name = "carrier",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        subcommands = {ServeCommand.class, CommandLine.HelpCommand.class},
        description = {
            "Carrier: a BBS-style chat server for telnet, the browser and JSON clients.",
            "",
            "Every option can also come from the environment (--telnet-port is CARRIER_TELNET_PORT)",
            "or from carrier.properties in the data folder (telnet-port=2323). Flags win, then",
            "the environment, then the file."},
        footer = {"", "Examples:", "  carrier serve", "  carrier serve --telnet-port 2300 --data-dir /srv/bbs"})
public final class CarrierCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new CarrierCommand());
        commandLine.setDefaultValueProvider(Settings.forArguments(args, System.getenv()));
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
