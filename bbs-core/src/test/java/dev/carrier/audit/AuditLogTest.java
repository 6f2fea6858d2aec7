package dev.carrier.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.store.OnEveryDialect;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLogTest extends OnEveryDialect {

    private AuditLog audit;

    @BeforeEach
    void open() {
        audit = new SqliteAuditLog(db, Clock.fixed(Instant.parse("2026-11-26T12:00:00.123456Z"), ZoneOffset.UTC));
    }

    @Test
    void entriesReadBackAsWrittenWithTheTimeToTheMillisecond() {
        AuditEntry written = audit.record("shell:root", "user.ban", "alice: spam");

        AuditEntry read = audit.recent(10).get(0);
        assertEquals(written, read);
        assertEquals(Instant.parse("2026-11-26T12:00:00.123Z"), read.at());
        assertEquals(Optional.of("shell:root"), read.actor());
    }

    @Test
    void theServerItselfActsWithoutAnActorAndDetailMayBeEmpty() {
        audit.record(null, "startup", null);
        AuditEntry read = audit.recent(1).get(0);
        assertEquals(Optional.empty(), read.actor());
        assertEquals("", read.detail());
    }

    @Test
    void recentGivesTheLatestEntriesOldestFirst() {
        for (int i = 1; i <= 5; i++) audit.record("alice", "kick", "bob #" + i);

        List<String> details = audit.recent(3).stream().map(AuditEntry::detail).toList();

        assertEquals(List.of("bob #3", "bob #4", "bob #5"), details);
        assertTrue(audit.recent(100).size() == 5);
    }
}
