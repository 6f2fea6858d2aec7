package dev.carrier.cli;

import dev.carrier.admin.AdminViews.AuditView;
import dev.carrier.admin.LocalAdmin;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code carrier audit}: what sysops did. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Shows what sysops did: the audit log.",
            "%nShows the audit log, oldest first: every account change, kick and broadcast, with "
                    + "who did it (a sysop's handle, or shell:NAME and console:NAME for this program run by "
                    + "the system user NAME)."},
        footer = {"", "Examples:", "  carrier audit", "  carrier audit --limit 500 --json"})
public final class AuditCommand implements Callable<Integer> {

    @Mixin
    AdminOptions admin;

    @Option(names = {"-n", "--limit"}, defaultValue = "" + LocalAdmin.DEFAULT_AUDIT_LIMIT, paramLabel = "N",
            description = "How many of the latest entries (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "A JSON array, for scripts.")
    boolean json;

    @Override
    public Integer call() {
        return admin.show(json, data -> data.audit(limit), this::print);
    }

    private void print(List<AuditView> entries, PrintWriter out) {
        Table table = new Table(Table.Column.keep("WHEN"), Table.Column.text("WHO", 80), Table.Column.keep("WHAT"),
                Table.Column.flexible("DETAIL", 90));
        for (AuditView entry : entries) {
            table.row(Format.dateTimeSeconds(entry.at()), entry.actor() == null ? "(server)" : entry.actor(),
                    entry.action(), entry.detail() == null || entry.detail().isEmpty() ? "-" : entry.detail());
        }
        if (entries.isEmpty()) {
            out.println("The audit log is empty.");
        } else {
            out.print(table.render(admin.width()));
        }
    }
}
