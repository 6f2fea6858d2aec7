package dev.carrier.cli;

import dev.carrier.admin.Admin;
import dev.carrier.admin.AdminViews.StatusView;
import dev.carrier.cluster.ServerState;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code carrier status}: how the running server is doing. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows how the running server is doing.",
            "%nShows how the running server is doing: version and uptime, what it listens on, nodes "
                    + "in use, users online, messages per minute (chat lines and direct messages in the "
                    + "last 60 seconds), memory, and the SSH host keys' SHA-256 fingerprints (as "
                    + "ssh-keygen -l prints them) when SSH is on; in a cluster, every server: its callers, version,"
                    + " start, when it was last heard and whether it is linked."},
        footer = {"", "Examples:", "  carrier status", "  carrier status --json"})
public final class StatusCommand implements Callable<Integer> {

    @Mixin
    AdminOptions admin;

    @Option(names = "--json", description = "A JSON object, for scripts and monitoring.")
    boolean json;

    @Override
    public Integer call() {
        return admin.show(json, Admin::status, StatusCommand::print);
    }

    private static void print(StatusView status, PrintWriter out) {
        out.println("carrier " + status.server().version()
                + (status.server().name() == null ? "" : " on " + status.server().name()) + ", up " + Format.duration(status.server().uptimeSeconds())
                + " (since " + Format.dateTimeSeconds(status.server().startedAt()) + ")");
        out.println("listening:           " + String.join(", ", status.server().listeners()));
        out.println("nodes:               " + (status.nodesInUse() + status.appConnections()) + " of "
                + status.maxNodes() + " in use" + (status.appConnections() == 0 ? ""
                : " (" + status.appConnections() + " by JSON clients)"));
        out.println("users online:        " + status.usersOnline());
        out.println("messages per minute: " + status.messagesPerMinute());
        out.println("memory:              " + Format.mebibytes(status.memoryUsedBytes()) + " used of "
                + Format.mebibytes(status.memoryTotalBytes()) + " (at most " + Format.mebibytes(status.memoryMaxBytes())
                + ")");
        // A caller compares these with what their client shows on first contact.
        for (String key : status.sshHostKeys() == null ? List.<String>of() : status.sshHostKeys()) {
            out.println("ssh host key:        " + key);
        }
        List<ServerState> servers = status.servers() == null ? List.of() : status.servers();
        if (servers.isEmpty()) return;
        out.println("servers:");
        for (ServerState server : servers) {
            out.println("  " + server.name() + ": " + server.callers() + " callers, carrier " + server.version()
                    + ", since " + Format.dateTimeSeconds(server.startedAt())
                    + (server.lastBeatSeconds() == 0 ? "" : ", heard " + server.lastBeatSeconds() + " s ago")
                    + (server.linked() ? "" : ", NOT LINKED: the others cannot hear it"));
        }
    }
}
