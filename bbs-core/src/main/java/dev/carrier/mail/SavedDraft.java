package dev.carrier.mail;

import java.util.List;
import java.util.Optional;

/**
 * A letter put aside unfinished: whom it was for as typed ({@code ""} before a recipient was
 * chosen, {@code all} for a bulletin), its subject once given, and the lines written so far.
 */
record SavedDraft(String to, Optional<String> subject, List<String> lines) {

    SavedDraft {
        lines = List.copyOf(lines);
    }

    /** Whether there is anything worth keeping. */
    boolean isEmpty() {
        return to.isEmpty() && subject.isEmpty() && lines.isEmpty();
    }
}
