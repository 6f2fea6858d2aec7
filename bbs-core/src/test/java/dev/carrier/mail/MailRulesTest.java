package dev.carrier.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailRulesTest {

    @Test
    void aSubjectIsOneToEightyCharacters() {
        assertEquals(Optional.empty(), MailRules.subjectProblem("x".repeat(80)));
        assertEquals(Optional.of("subject must be at most 80 characters (that one has 81)"),
                MailRules.subjectProblem("x".repeat(81)));
        assertTrue(MailRules.subjectProblem("").isPresent());
    }

    @Test
    void aBodyIsOneToTwoHundredLinesAndNotBlank() {
        assertEquals(Optional.empty(), MailRules.bodyProblem(Collections.nCopies(200, "x")));
        assertEquals(Optional.of("a letter holds at most 200 lines (that one has 201)"),
                MailRules.bodyProblem(Collections.nCopies(201, "x")));
        assertEquals(Optional.of("the letter is empty: write at least one line"), MailRules.bodyProblem(List.of("", " ")));
    }

    @Test
    void cleaningDropsControlsAndEscapesButKeepsIndentation() {
        assertEquals("  > quoted", MailRules.cleanLine("  > quo\u0007ted"));
        assertEquals("red", MailRules.cleanLine("\u001b[31mred\u001b[0m"));
        assertEquals("", MailRules.cleanLine("   "));
        assertEquals("subject", MailRules.cleanSubject(" sub\u001b]0;title\u0007ject "));
    }

    @Test
    void aReplySubjectGetsReOnceAndStaysWithinTheLimit() {
        assertEquals("Re: lunch", MailRules.replySubject("lunch"));
        assertEquals("RE: lunch", MailRules.replySubject("RE: lunch"));
        assertEquals(80, MailRules.replySubject("y".repeat(80)).length());
    }

    @Test
    void theStoredBodyDropsBlankLinesAtTheEnd() {
        Draft draft = new Draft(new Recipient.One("bob"), "s", List.of("one", "", "two", "", " "));
        assertEquals("one\n\ntwo", draft.body());
    }

    @Test
    void aLineLongerThanTheScreenTakesTheRowsItWrapsTo() {
        assertEquals(1, Pager.rowsOf("", 80));
        assertEquals(1, Pager.rowsOf("x".repeat(80), 80));
        assertEquals(2, Pager.rowsOf("x".repeat(81), 80));
    }
}
