package dev.carrier.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain text table that fits a width: columns the sysop needs least are left out first, then
 * the one flexible column is cut (marked with {@code ~}). Built, filled, rendered once.
 */
final class Table {

    /**
     * @param priority higher stays longer when the table is too wide; {@link Integer#MAX_VALUE} never goes
     * @param right    numbers align right
     * @param flexible the column that is cut when dropping columns is not enough
     */
    record Column(String header, int priority, boolean right, boolean flexible) {

        static Column keep(String header) {
            return new Column(header, Integer.MAX_VALUE, false, false);
        }

        static Column number(String header, int priority) {
            return new Column(header, priority, true, false);
        }

        static Column text(String header, int priority) {
            return new Column(header, priority, false, false);
        }

        static Column flexible(String header, int priority) {
            return new Column(header, priority, false, true);
        }
    }

    private static final String GAP = "  ";
    private static final int MIN_FLEXIBLE = 6;

    private final List<Column> columns;
    private final List<String[]> rows = new ArrayList<>();

    Table(Column... columns) {
        this.columns = List.of(columns);
    }

    Table row(String... cells) {
        if (cells.length != columns.size()) throw new IllegalArgumentException("a row needs " + columns.size() + " cells");
        rows.add(cells.clone());
        return this;
    }

    /** The table in at most {@code width} columns of text; 0 means no limit. Lines end in '\n'. */
    String render(int width) {
        int[] natural = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            natural[c] = columns.get(c).header().length();
            for (String[] row : rows) natural[c] = Math.max(natural[c], row[c].length());
        }
        boolean[] shown = new boolean[columns.size()];
        Arrays.fill(shown, true);
        int[] widths = natural.clone();
        if (width > 0) {
            // The flexible column counts at its narrowest while deciding what to leave out...
            int[] narrowest = natural.clone();
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).flexible()) {
                    narrowest[c] = Math.min(natural[c], Math.max(columns.get(c).header().length(), MIN_FLEXIBLE));
                }
            }
            while (total(narrowest, shown) > width) {
                int drop = lowestDroppable(shown);
                if (drop < 0) break;
                shown[drop] = false;
            }
            // ...and then gets what room is left, up to all it needs.
            int over = total(widths, shown) - width;
            for (int c = 0; c < columns.size() && over > 0; c++) {
                if (shown[c] && columns.get(c).flexible()) {
                    int cut = Math.min(over, widths[c] - narrowest[c]);
                    widths[c] -= cut;
                    over -= cut;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, columns.stream().map(Column::header).toArray(String[]::new), widths, shown);
        for (String[] row : rows) line(out, row, widths, shown);
        return out.toString();
    }

    private int lowestDroppable(boolean[] shown) {
        int lowest = -1;
        for (int c = 0; c < columns.size(); c++) {
            int priority = columns.get(c).priority();
            if (shown[c] && priority != Integer.MAX_VALUE && (lowest < 0 || priority < columns.get(lowest).priority())) {
                lowest = c;
            }
        }
        return lowest;
    }

    private static int total(int[] widths, boolean[] shown) {
        int total = 0;
        int count = 0;
        for (int c = 0; c < widths.length; c++) {
            if (shown[c]) {
                total += widths[c];
                count++;
            }
        }
        return total + Math.max(0, count - 1) * GAP.length();
    }

    private void line(StringBuilder out, String[] cells, int[] widths, boolean[] shown) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (!shown[c]) continue;
            if (line.length() > 0) line.append(GAP);
            String cell = cells[c].length() > widths[c] ? cells[c].substring(0, widths[c] - 1) + "~" : cells[c];
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(columns.get(c).right() ? pad + cell : cell + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
