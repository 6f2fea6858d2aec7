package dev.carrier.mail;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A letter in one user's mailbox: kept until that user deletes it. Not a direct message (chat's
 * {@code /msg}), which is one line shown once; see {@link dev.carrier.message.DirectMessage}.
 *
 * @param id       the store's key, stable for the letter's life
 * @param from     the sender's handle
 * @param to       the handle of the mailbox it is in
 * @param subject  one line, at most {@link MailRules#MAX_SUBJECT} characters
 * @param body     lines joined by {@code '\n'}, at most {@link MailRules#MAX_LINES} of them
 * @param bulletin a copy of a letter a sysop wrote to all users
 * @param readAt   when the recipient first opened it; empty while it is new
 */
public record Letter(
        long id, String from, String to, String subject, String body, Instant sentAt, boolean bulletin,
        Optional<Instant> readAt) {

    public Letter {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(readAt, "readAt");
    }

    public List<String> lines() {
        return body.isEmpty() ? List.of() : List.of(body.split("\n", -1));
    }

    public boolean isNew() {
        return readAt.isEmpty();
    }
}
