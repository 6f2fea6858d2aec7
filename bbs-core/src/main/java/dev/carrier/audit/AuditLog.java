package dev.carrier.audit;

import java.util.List;

/**
 * What sysops did (bans, role changes, password resets, kicks, broadcasts), kept for later
 * reading. Entries are only ever added.
 *
 * <p>Every method blocks on storage: call them from the worker pool, never from a transport's
 * event loop. Implementations are safe to share between threads.
 */
public interface AuditLog {

    /**
     * Adds an entry at the current time.
     *
     * @param actor who acted (see {@link AuditEntry#actor()}); null when the server itself did
     */
    AuditEntry record(String actor, String action, String detail);

    /** The latest {@code limit} entries, oldest first, as a log is read. */
    List<AuditEntry> recent(int limit);
}
