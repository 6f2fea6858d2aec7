package dev.carrier.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code carrier bench}: load tools against a real server process on loopback. */
@Command(name = "carrier bench", mixinStandardHelpOptions = true,
        subcommands = {ChatBench.class, SoakBench.class, CommandLine.HelpCommand.class},
        description = "Measures Carrier with real telnet connections on loopback.",
        footer = {"", "Examples:", "  carrier bench chat --clients 1000 --senders 20 --lines 100",
            "  carrier bench chat --clients 10000 --senders 0     (idle sessions: heap per session)",
            "  carrier bench chat --clients 200 --senders 50 --lines 20 --rate 0 --versus ngircd --runs 3",
            "                                                      (side by side with an IRC server)",
            "  carrier bench soak --cycles 10000 --frames 100000  (bad connections and fuzz: what stays behind)"})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
