package dev.carrier.cli;

import dev.carrier.admin.AdminViews.Kicked;
import dev.carrier.sysop.Kick;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code carrier kick}: hangs up on a node or on every connection of a user. */
@Command(name = "kick", mixinStandardHelpOptions = true,
        description = {"Hangs up on a node, or on every connection of a user.",
            "%nHangs up on a node of the running server, or on every connection of a user, telling "
                    + "them why when a reason is given. Written to the audit log."},
        footer = {"", "Examples:", "  carrier kick 3", "  carrier kick alice --reason 'take a break'"})
public final class KickCommand implements Callable<Integer> {

    @Mixin
    AdminOptions admin;

    @Parameters(paramLabel = "NODE|HANDLE", description = "A node number, or a handle in any case.")
    String target;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Shown to the caller before the line drops.")
    String reason;

    @Override
    public Integer call() {
        return admin.report(data -> {
            Kicked kicked = data.kick(target, reason);
            return "kicked " + target + " " + new Kick(kicked.nodes(), kicked.appConnections(), kicked.elsewhere()).describe();
        });
    }
}
