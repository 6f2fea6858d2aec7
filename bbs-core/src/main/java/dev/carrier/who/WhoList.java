package dev.carrier.who;

import dev.carrier.presence.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders who lists, grouped by status with counts ({@code Online - 3}, {@code Away - 1}, ...),
 * the same way in W and in chat's /who.
 */
public final class WhoList {

    private static final String LOGGING_IN = "Logging in";

    private WhoList() {}

    public static String render(List<WhoRow> rows) {
        boolean nodes = rows.stream().anyMatch(row -> row.node().isPresent());
        StringBuilder out = new StringBuilder("\n");
        if (!rows.isEmpty()) {
            out.append("  ").append(nodes ? "Node  " : "").append(String.format("%-20s  %-16s  %7s  %s%n",
                    "Handle", "Activity", "Idle", "Via").replace(System.lineSeparator(), "\n"));
        }
        for (Status status : new Status[] {Status.ONLINE, Status.AWAY, Status.DND}) {
            group(out, status.title(), rows.stream().filter(row -> row.status().equals(Optional.of(status))).toList(),
                    nodes);
        }
        group(out, LOGGING_IN, rows.stream().filter(row -> row.status().isEmpty()).toList(), nodes);
        if (rows.isEmpty()) out.append("Nobody is here.\n");
        return out.toString();
    }

    private static void group(StringBuilder out, String title, List<WhoRow> rows, boolean nodes) {
        if (rows.isEmpty()) return;
        out.append(title).append(" - ").append(rows.size()).append('\n');
        for (WhoRow row : rows) {
            List<String> columns = new ArrayList<>();
            if (nodes) columns.add(String.format("%4s", row.node().map(String::valueOf).orElse("-")));
            columns.add(String.format("%-20s", row.handle()));
            columns.add(String.format("%-16s", row.activity()));
            columns.add(String.format("%7s", idle(row.idle())));
            columns.add(row.via());
            row.statusText().ifPresent(text -> columns.add("(" + text + ")"));
            out.append("  ").append(String.join("  ", columns).stripTrailing()).append('\n');
        }
    }

    /** Idle time as m:ss, or h:mm with an h past an hour, the way BBS who lists show it. */
    public static String idle(Duration idle) {
        long seconds = Math.max(0, idle.toSeconds());
        if (seconds >= 3600) return String.format("%d:%02dh", seconds / 3600, (seconds % 3600) / 60);
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
