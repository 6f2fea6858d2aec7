package dev.carrier.mail;

import java.time.Instant;

/** A letter as the inbox lists it: everything but the body. */
record Envelope(long id, String from, String subject, Instant sentAt, boolean bulletin, boolean isNew) {
}
