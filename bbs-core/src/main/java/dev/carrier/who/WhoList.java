package dev.carrier.who;

import dev.carrier.presence.Status;
import dev.carrier.session.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Renders who lists like a member list, the same way in W and in chat's /who: groups in the
 * designs' order ({@code Online - 3}, {@code Away - 1}, {@code Do not disturb}, then nodes still
 * logging in, then {@code Offline}), alphabetical by display name within a group, the status word
 * in colour for callers who turned colour on, and a {@code [sysop]} badge.
 */
public final class WhoList {

    /** From this width on, a row names the person as {@code Display Name (handle)}. */
    public static final int WIDE_COLUMNS = 80;

    private static final String LOGGING_IN = "Logging in";
    private static final int HANDLE_WIDTH = 20;
    private static final int MAX_NAME_WIDTH = 32;
    private static final String RESET = "\u001b[0m";
    private static final Comparator<WhoRow> BY_NAME = Comparator
            .comparing((WhoRow row) -> row.displayName().toLowerCase(Locale.ROOT))
            .thenComparing(row -> row.handle().toLowerCase(Locale.ROOT))
            .thenComparing(row -> row.node().orElse(0));

    private WhoList() {}

    /**
     * @param colour  whether the status words may be coloured
     * @param columns the terminal's width: wide enough, rows show display names too
     */
    /** The table as {@code session}'s caller sees it: in colour if they chose it, as wide as their terminal. */
    public static String render(List<WhoRow> rows, Session session) {
        return render(rows, session.colour(), session.terminal().info().columns());
    }

    public static String render(List<WhoRow> rows, boolean colour, int columns) {
        boolean wide = columns >= WIDE_COLUMNS;
        boolean nodes = rows.stream().anyMatch(row -> row.node().isPresent());
        int nameWidth = Math.min(MAX_NAME_WIDTH, Math.max(HANDLE_WIDTH,
                rows.stream().mapToInt(row -> width(row.name(wide))).max().orElse(0)));
        StringBuilder out = new StringBuilder("\n");
        if (!rows.isEmpty()) {
            out.append("  ").append(nodes ? "Node  " : "").append(pad(wide ? "Name" : "Handle", nameWidth))
                    .append(String.format("  %-16s  %7s  %s", "Activity", "Idle", "Via")).append('\n');
        }
        Layout layout = new Layout(colour, wide, nodes, nameWidth);
        for (Status status : new Status[] {Status.ONLINE, Status.AWAY, Status.DND}) {
            group(out, title(status, colour), rows.stream().filter(row -> row.status().equals(Optional.of(status))),
                    layout);
        }
        group(out, LOGGING_IN, rows.stream().filter(row -> row.status().isEmpty()), layout);
        group(out, title(Status.OFFLINE, colour),
                rows.stream().filter(row -> row.status().equals(Optional.of(Status.OFFLINE))), layout);
        if (rows.isEmpty()) out.append("Nobody is here.\n");
        return out.toString();
    }

    private record Layout(boolean colour, boolean wide, boolean nodes, int nameWidth) {}

    private static void group(StringBuilder out, String title, Stream<WhoRow> members, Layout layout) {
        List<WhoRow> rows = members.sorted(BY_NAME).toList();
        if (rows.isEmpty()) return;
        out.append(title).append(" - ").append(rows.size()).append('\n');
        for (WhoRow row : rows) {
            List<String> columns = new ArrayList<>();
            if (layout.nodes()) columns.add(String.format("%4s", row.node().map(String::valueOf).orElse("-")));
            columns.add(pad(row.name(layout.wide()), layout.nameWidth()));
            columns.add(String.format("%-16s", row.activity()));
            boolean offline = row.status().equals(Optional.of(Status.OFFLINE));
            columns.add(String.format("%7s", offline ? "-" : idle(row.idle())));
            columns.add(row.via());
            row.statusText().ifPresent(text -> columns.add("(" + text + ")"));
            out.append("  ").append(String.join("  ", columns).stripTrailing()).append('\n');
        }
    }

    /** The status word as the list shows it: green, yellow, red or grey when colour is on. */
    public static String title(Status status, boolean colour) {
        if (!colour) return status.title();
        String code = switch (status) {
            case ONLINE -> "32";
            case AWAY -> "33";
            case DND -> "31";
            case OFFLINE -> "90";
        };
        return "\u001b[" + code + "m" + status.title() + RESET;
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String pad(String text, int width) {
        int length = width(text);
        if (length > width) return text.substring(0, text.offsetByCodePoints(0, width));
        return text + " ".repeat(width - length);
    }

    /** Idle time as m:ss, or h:mm with an h past an hour, the way BBS who lists show it. */
    public static String idle(Duration idle) {
        long seconds = Math.max(0, idle.toSeconds());
        if (seconds >= 3600) return String.format("%d:%02dh", seconds / 3600, (seconds % 3600) / 60);
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    /** How long ago, in the largest whole unit: {@code just now}, {@code 5 min ago}, {@code 3 h ago}, {@code 2 days ago}. */
    public static String ago(Duration since) {
        long seconds = Math.max(0, since.toSeconds());
        if (seconds < 60) return "just now";
        if (seconds < 3600) return seconds / 60 + " min ago";
        if (seconds < 86_400) return seconds / 3600 + " h ago";
        long days = seconds / 86_400;
        return days == 1 ? "1 day ago" : days + " days ago";
    }
}
