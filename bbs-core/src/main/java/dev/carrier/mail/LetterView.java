package dev.carrier.mail;

import dev.carrier.terminal.Ansi;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the inbox and a letter look on a terminal, as lines for the {@link Pager}. */
final class LetterView {

    static final DateTimeFormatter SHORT_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    static final String LEGEND = "  # read   R # reply   D # delete   N next new   W write   L list   Q quit";

    private static final String ROW = "  %3s  %-3s  %-20s  %-16s  ";

    private LetterView() {}

    /** The width rules are drawn to: the terminal's, at most 79 so 80-column screens do not wrap. */
    static int width(int columns) {
        return Math.max(20, Math.min(columns, 80) - 1);
    }

    /** The numbered inbox, oldest first, with new marks, sender, date and subject. */
    static List<String> inbox(String owner, List<Envelope> letters, int columns, boolean colour) {
        List<String> out = new ArrayList<>();
        out.add("");
        out.add(Ansi.frame(colour, Ansi.rule("Mail for " + owner, width(columns))));
        long fresh = letters.stream().filter(Envelope::isNew).count();
        if (letters.isEmpty()) {
            out.add("  No letters.");
        } else {
            out.add(Ansi.bold(colour, String.format(Locale.ROOT, ROW, "#", "New", "From", "Date") + "Subject"));
            int room = Math.max(10, columns - 1 - String.format(Locale.ROOT, ROW, "", "", "", "").length());
            for (int i = 0; i < letters.size(); i++) {
                Envelope letter = letters.get(i);
                String mark = letter.isNew() ? Ansi.highlight(colour, " * ") : "   ";
                String subject = (letter.bulletin() ? "[all] " : "") + letter.subject();
                out.add(String.format(Locale.ROOT, "  %3d  %s  %-20s  %-16s  ", i + 1, mark, letter.from(),
                        SHORT_DATE.format(letter.sentAt())) + cut(subject, room));
            }
        }
        String count = letters.size() + (letters.size() == 1 ? " letter, " : " letters, ") + fresh + " new";
        out.add(Ansi.frame(colour, Ansi.rule(count, width(columns))));
        out.add(LEGEND);
        return out;
    }

    /** A letter with its header, for reading. */
    static List<String> letter(Letter letter, int number, int of, int columns, boolean colour) {
        List<String> out = new ArrayList<>();
        out.add("");
        out.add(Ansi.frame(colour, Ansi.rule("Letter " + number + " of " + of, width(columns))));
        out.add(Ansi.bold(colour, "From:    ") + letter.from());
        out.add(Ansi.bold(colour, "To:      ") + (letter.bulletin() ? MailRules.ALL + " (a bulletin)" : letter.to()));
        out.add(Ansi.bold(colour, "Date:    ") + DATE.format(letter.sentAt()));
        out.add(Ansi.bold(colour, "Subject: ") + letter.subject());
        out.add(Ansi.frame(colour, Ansi.rule("", width(columns))));
        out.addAll(letter.lines());
        out.add(Ansi.frame(colour, Ansi.rule("end of letter " + number, width(columns))));
        return out;
    }

    /** The original, quoted for a reply: an attribution line, then each line after {@code > }. */
    static List<String> quote(Letter original) {
        List<String> out = new ArrayList<>();
        out.add("On " + DATE.format(original.sentAt()) + ", " + original.from() + " wrote:");
        for (String line : original.lines()) out.add(line.isEmpty() ? ">" : "> " + line);
        return out;
    }

    private static String cut(String text, int room) {
        if (text.codePointCount(0, text.length()) <= room) return text;
        return text.substring(0, text.offsetByCodePoints(0, room - 3)) + "...";
    }
}
