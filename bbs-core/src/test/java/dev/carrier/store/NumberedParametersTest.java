package dev.carrier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SQLite's ?N turned into the plain ? that PostgreSQL's driver takes, each place remembered. */
class NumberedParametersTest {

    @Test
    void eachNumberedParameterBecomesAPlainOneAndKeepsItsNumber() {
        NumberedParameters.Translated t = NumberedParameters.translate(
                "SELECT * FROM users WHERE handle = ?1 OR handle_skeleton = ?2 ORDER BY handle = ?1 DESC LIMIT ?10");
        assertEquals("SELECT * FROM users WHERE handle = ? OR handle_skeleton = ? ORDER BY handle = ? DESC LIMIT ?",
                t.sql());
        assertEquals(List.of(1, 2, 1, 10), t.numbers());
    }

    @Test
    void plainParametersAndQuotedQuestionMarksAreLeftAlone() {
        assertEquals(List.of(), NumberedParameters.translate("SELECT ? WHERE x = ?").numbers());
        NumberedParameters.Translated t = NumberedParameters.translate("SELECT 'why?1 ''?2''' WHERE x = ?3");
        assertEquals("SELECT 'why?1 ''?2''' WHERE x = ?", t.sql());
        assertEquals(List.of(3), t.numbers());
    }

    @Test
    void plainAndNumberedTogetherAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> NumberedParameters.translate("SELECT ?1, ?"));
        assertThrows(IllegalArgumentException.class, () -> NumberedParameters.translate("SELECT ?, ?1"));
    }
}
