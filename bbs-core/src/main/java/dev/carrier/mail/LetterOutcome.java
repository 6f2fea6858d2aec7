package dev.carrier.mail;

import java.util.List;

/** What became of a letter the user sent. */
sealed interface LetterOutcome {

    /** Stored for good: in the mailboxes of {@code recipients}. */
    record Sent(Recipient to, List<String> recipients) implements LetterOutcome {
        public Sent {
            recipients = List.copyOf(recipients);
        }
    }

    /** Not stored; {@code reason} is for the user, and the draft is still theirs to retry or abort. */
    record NotSent(String reason) implements LetterOutcome {}
}
