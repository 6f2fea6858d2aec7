package dev.carrier.cli;

import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code carrier console}: the interactive sysop shell. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"An interactive sysop shell with completion and a live feed.",
            "%nAn interactive sysop shell with the same commands (user, who, kick, broadcast, "
                    + "status, audit), TAB completion of commands, options and handles, history, and tail "
                    + "for a live view of connects, logins and chat. Works on the database file when the "
                    + "server is not running."},
        footer = {"", "Examples:", "  carrier console", "  carrier console --data-dir /srv/bbs/data"})
public final class ConsoleCommand implements Callable<Integer> {

    @Mixin
    AdminOptions admin;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("carrier console").build()) {
            return new Console(terminal, admin.dataDir, admin.database, spec.root().defaultValueProvider()).run();
        }
    }
}
