package dev.carrier.mail;

import dev.carrier.text.TextCleaner;
import java.util.List;
import java.util.Optional;

/** The limits of a letter, and the cleaning every stored part of it gets. */
final class MailRules {

    public static final int MAX_SUBJECT = 80;
    public static final int MAX_LINES = 200;
    /** A body line is bounded anyway by the line editor; this bounds what the store accepts. */
    public static final int MAX_LINE_LENGTH = 1024;

    /** What {@code To:} takes, besides a handle, for a bulletin to every user (sysops only). */
    public static final String ALL = "all";

    private MailRules() {}

    /** A typed subject without control characters or escape sequences, trimmed. Check it with {@link #subjectProblem}. */
    public static String cleanSubject(String typed) {
        return TextCleaner.clean(typed, MAX_LINE_LENGTH);
    }

    /** Why a cleaned subject cannot be used, in words for the user; empty when it can. */
    public static Optional<String> subjectProblem(String subject) {
        int length = subject.codePointCount(0, subject.length());
        if (length == 0) return Optional.of("a letter needs a subject: 1 to " + MAX_SUBJECT + " characters");
        if (length > MAX_SUBJECT) {
            return Optional.of("subject must be at most " + MAX_SUBJECT + " characters (that one has " + length + ")");
        }
        return Optional.empty();
    }

    /**
     * A typed body line made safe like chat text (no control characters, no escape sequences),
     * but keeping its indentation, which letters use for quotes and layout.
     */
    public static String cleanLine(String typed) {
        int indent = 0;
        while (indent < typed.length() && (typed.charAt(indent) == ' ' || typed.charAt(indent) == '\t')) indent++;
        String clean = TextCleaner.clean(typed, MAX_LINE_LENGTH);
        if (clean.isEmpty()) return "";
        return " ".repeat(Math.min(indent, MAX_LINE_LENGTH - clean.length())) + clean;
    }

    /** Why a body cannot be sent, in words for the user; empty when it can. */
    public static Optional<String> bodyProblem(List<String> lines) {
        if (lines.stream().allMatch(String::isBlank)) return Optional.of("the letter is empty: write at least one line");
        if (lines.size() > MAX_LINES) {
            return Optional.of("a letter holds at most " + MAX_LINES + " lines (that one has " + lines.size() + ")");
        }
        if (lines.stream().anyMatch(line -> line.length() > MAX_LINE_LENGTH || line.indexOf('\n') >= 0)) {
            return Optional.of("a line of a letter holds at most " + MAX_LINE_LENGTH + " characters");
        }
        return Optional.empty();
    }

    /** The subject of a reply: {@code Re: } once, cut to the limit. */
    public static String replySubject(String subject) {
        String re = subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject;
        if (re.codePointCount(0, re.length()) <= MAX_SUBJECT) return re;
        return re.substring(0, re.offsetByCodePoints(0, MAX_SUBJECT));
    }
}
