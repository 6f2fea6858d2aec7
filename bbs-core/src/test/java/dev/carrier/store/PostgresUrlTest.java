package dev.carrier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a sysop may write for --database, and what the driver and the logs get from it. */
class PostgresUrlTest {

    @Test
    void theLibpqFormBecomesTheDriversWithTheDefaultPort() {
        PostgresUrl url = PostgresUrl.parse("postgresql://db.example/carrier?user=bbs&sslmode=require");
        assertEquals("jdbc:postgresql://db.example:5432/carrier?user=bbs&sslmode=require", url.jdbcUrl());
        assertEquals("postgresql://db.example:5432/carrier as bbs", url.shown());
    }

    @Test
    void aUserAndPasswordBeforeTheHostBecomeParametersAndThePasswordIsNeverShown() {
        PostgresUrl url = PostgresUrl.parse("postgres://bbs:p%40ss@10.0.0.5:6432/carrier");
        assertEquals("jdbc:postgresql://10.0.0.5:6432/carrier?user=bbs&password=p%40ss", url.jdbcUrl());
        assertEquals("postgresql://10.0.0.5:6432/carrier as bbs", url.shown());
        assertEquals(url.shown(), url.toString());
    }

    @Test
    void noValueMeansTheSqliteFileAndAnythingElseIsRefusedWithAnExample() {
        assertEquals(Optional.empty(), PostgresUrl.option(null));
        assertEquals(Optional.empty(), PostgresUrl.option("  "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PostgresUrl.option("/srv/bbs/carrier.db"));
        assertTrue(e.getMessage().contains("postgresql://HOST:PORT/DB?user=NAME"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PostgresUrl.parse("postgresql:///carrier"));
        assertThrows(IllegalArgumentException.class, () -> PostgresUrl.parse("postgresql://host/a/b"));
    }
}
