package dev.carrier.mail;

import java.util.List;
import java.util.Objects;

/** A letter written and ready to go: cleaned, within the limits of {@link MailRules}. */
record Draft(Recipient to, String subject, List<String> lines) {

    public Draft {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        lines = List.copyOf(lines);
    }

    /** The body as stored: lines joined by {@code '\n'}, blank lines at the end dropped. */
    public String body() {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) end--;
        return String.join("\n", lines.subList(0, end));
    }
}
