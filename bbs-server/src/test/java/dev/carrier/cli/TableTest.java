package dev.carrier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** carrier user list and who fit the terminal: least needed columns go first, then the flexible one is cut. */
class TableTest {

    private static Table users() {
        return new Table(Table.Column.keep("HANDLE"), Table.Column.text("ROLE", 90),
                Table.Column.text("LAST LOGIN", 70), Table.Column.text("CREATED", 50),
                Table.Column.flexible("NAME", 30))
                .row("alice", "sysop", "2026-11-26 13:05", "2026-01-02 03:04", "Alice Liddell of Wonderland")
                .row("bob", "-", "-", "2026-01-02 03:04", "-");
    }

    @Test
    void withoutALimitEverythingShows() {
        String table = users().render(0);
        assertTrue(table.startsWith("HANDLE  ROLE   LAST LOGIN        CREATED           NAME\n"), table);
        assertTrue(table.contains("Alice Liddell of Wonderland"), table);
    }

    @Test
    void everyLineFitsAndTheLeastNeededColumnsGoFirst() {
        for (int width : new int[] {80, 60, 40, 30, 20}) {
            String table = users().render(width);
            for (String line : table.split("\n")) {
                assertTrue(line.length() <= width, width + ": " + line);
            }
            assertTrue(table.contains("alice"), table);
        }
        String narrow = users().render(40);
        assertTrue(narrow.startsWith("HANDLE  ROLE   LAST LOGIN"), narrow);
        assertTrue(!narrow.contains("CREATED"), narrow);
    }

    @Test
    void theFlexibleColumnIsCutWithAMark() {
        Table table = new Table(Table.Column.keep("HANDLE"), Table.Column.flexible("WHAT", 10))
                .row("alice", "a very long description indeed");
        assertEquals("HANDLE  WHAT\nalice   a very long~\n", table.render(20));
    }
}
