package dev.carrier.cli;

import dev.carrier.admin.AdminViews.Broadcast;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code carrier broadcast}: one line to every node. */
@Command(name = "broadcast", mixinStandardHelpOptions = true,
        description = {"Shows a sysop line on every node.",
            "%nShows *** SYSOP: TEXT on every node of the running server: at a menu and in chat at "
                    + "once, to someone writing a letter when they are back at a menu. Written to the audit "
                    + "log."},
        footer = {"", "Examples:", "  carrier broadcast 'Going down for a backup in 5 minutes'",
            "  carrier broadcast Welcome to the new chat room!"})
public final class BroadcastCommand implements Callable<Integer> {

    @Mixin
    AdminOptions admin;

    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "The words of the line.")
    List<String> words;

    @Override
    public Integer call() {
        return admin.report(data -> {
            Broadcast sent = data.broadcast(String.join(" ", words));
            return "broadcast to " + sent.nodes() + (sent.nodes() == 1 ? " node" : " nodes");
        });
    }
}
