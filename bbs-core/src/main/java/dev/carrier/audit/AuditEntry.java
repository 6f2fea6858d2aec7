package dev.carrier.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the audit log: who did what to whom, and when.
 *
 * @param actor  who acted: a sysop's handle in the BBS, {@code shell:NAME} or {@code console:NAME}
 *               for the carrier program run by the system user NAME; empty when the server itself did
 * @param action what was done, a short dotted word such as {@code user.ban} or {@code kick}
 * @param detail the target and any reason, in words; empty when there is nothing more to say
 */
public record AuditEntry(long id, Instant at, Optional<String> actor, String action, String detail) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        detail = detail == null ? "" : detail;
    }
}
