package dev.carrier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Both dialects reach the same schema versions: a version added for one is added for the other. */
class MigrationSetsTest {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__[^$]*\\.(sql|class)");

    @Test
    void everyVersionHasAFileForEachDialect() {
        Set<Integer> common = versions("/db/common");
        Set<Integer> sqlite = versions("/db/migration");
        // The Java migrations sit in SQLite's folder (their package) and are named for PostgreSQL.
        Set<Integer> java = new TreeSet<>(Set.of(7));
        Set<Integer> postgres = new TreeSet<>(versions("/db/postgresql"));
        postgres.addAll(java);
        assertEquals(sqlite, postgres);
        for (int version : common) {
            assertTrue(!sqlite.contains(version), "V" + version + " is both common and SQLite's own");
        }
    }

    /** The versions of the migrations in a folder of the class path. */
    static Set<Integer> versions(String folder) {
        try (var files = Files.list(Path.of(Database.class.getResource(folder).toURI()))) {
            Set<Integer> versions = new TreeSet<>();
            files.forEach(f -> {
                Matcher m = VERSIONED.matcher(f.getFileName().toString());
                if (m.matches()) versions.add(Integer.parseInt(m.group(1)));
            });
            return versions;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
