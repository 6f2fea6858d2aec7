package dev.carrier.cli;

import dev.carrier.admin.Admin;
import dev.carrier.admin.AdminViews.AppView;
import dev.carrier.admin.AdminViews.NodeView;
import dev.carrier.admin.AdminViews.ServerView;
import dev.carrier.admin.AdminViews.WhoView;
import dev.carrier.cluster.ClusterCaller;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code carrier who}: every connection of the running server, the server itself first. */
@Command(name = "who", mixinStandardHelpOptions = true,
        description = {"Lists every connection, the server itself first.",
            "%nLists every connection of the running server (and, in a cluster, of every server, from their"
                    + " latest heartbeats): server, node, handle, transport, remote "
                    + "address, terminal type, connected since, seconds since the last input, status and "
                    + "what they are doing. The first row is the server itself: version, uptime, listeners. "
                    + "The carrier command's own connection is never a node."},
        footer = {"", "Examples:", "  carrier who", "  carrier who --json"})
public final class WhoCommand implements Callable<Integer> {

    @Mixin
    AdminOptions admin;

    @Option(names = "--json", description = "A JSON object, for scripts.")
    boolean json;

    @Override
    public Integer call() {
        return admin.show(json, Admin::who, this::print);
    }

    private void print(WhoView who, PrintWriter out) {
        Table table = new Table(Table.Column.text("SERVER", 60), Table.Column.number("NODE", Integer.MAX_VALUE),
                Table.Column.keep("HANDLE"),
                Table.Column.text("VIA", 80), Table.Column.text("FROM", 60), Table.Column.text("TERMINAL", 40),
                Table.Column.text("SINCE", 50), Table.Column.number("IDLE", 70), Table.Column.text("STATUS", 90),
                Table.Column.flexible("WHAT", 20));
        ServerView server = who.server();
        String here = server.name() == null ? "-" : server.name();
        table.row(here, "-", "(server)", "-", "-", "carrier " + server.version(), Format.dateTime(server.startedAt()), "-",
                "up " + Format.duration(server.uptimeSeconds()), "listening: " + String.join(", ", server.listeners()));
        for (NodeView node : who.nodes()) {
            table.row(here, String.valueOf(node.node()), node.handle() == null ? "-" : node.handle(), node.transport(),
                    node.address(), node.terminal(), Format.dateTime(node.connectedAt()),
                    String.valueOf(node.idleSeconds()), node.status(), node.activity());
        }
        for (AppView app : who.apps() == null ? List.<AppView>of() : who.apps()) {
            table.row(here, "-", app.handle(), "json", app.address(), app.client() == null ? "-" : app.client(),
                    Format.dateTime(app.connectedAt()), String.valueOf(app.idleSeconds()),
                    app.stale() ? "stale" : app.status(),
                    "Using an app" + (app.instance() == null ? "" : " (instance " + app.instance() + ")"));
        }
        for (ClusterCaller caller : who.elsewhere() == null ? List.<ClusterCaller>of() : who.elsewhere()) {
            table.row(caller.server(), caller.node() == null ? "-" : String.valueOf(caller.node()),
                    caller.handle() == null ? "-" : caller.handle(), caller.transport(), caller.address(),
                    caller.client() == null ? "-" : caller.client(), Format.dateTime(caller.since()),
                    String.valueOf(caller.idleSeconds()), caller.status(), "-");
        }
        out.print(table.render(admin.width()));
    }
}
