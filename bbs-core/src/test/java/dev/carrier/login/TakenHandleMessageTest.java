package dev.carrier.login;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carrier.user.User;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TakenHandleMessageTest {

    private final User alice = new User(1, "alice", "", "", "", false, false, Instant.EPOCH, Optional.empty());

    @Test
    void aLookalikeIsToldWhichHandleItLooksLike() {
        assertEquals("That handle is too much like an existing one (alice); choose another.",
                NewUserStage.takenMessage("aIice", alice));
    }

    @Test
    void theSameHandleInAnotherCaseIsSimplyTaken() {
        assertEquals("That handle is taken; choose another.", NewUserStage.takenMessage("ALICE", alice));
    }
}
