package dev.carrier.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HandleRulesTest {

    private static final Optional<String> BAD_SHAPE = Optional.of("handle must be 2-20 letters, digits, _ or -");
    private static final Optional<String> RESERVED = Optional.of("that handle is reserved");

    @ParameterizedTest
    @ValueSource(strings = {"al", "alice", "Alice_99", "x-ray", "_under_", "12345678901234567890"})
    void wellShapedHandlesAreAccepted(String handle) {
        assertEquals(Optional.empty(), HandleRules.problem(handle));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"a", "123456789012345678901", "al ice", " alice", "alice!", "al.ice", "élodie",
            "аlice" /* Cyrillic a */, "bob\u001b[31m", "tab\there"})
    void malformedHandlesAreRefused(String handle) {
        assertEquals(BAD_SHAPE, HandleRules.problem(handle));
    }

    @ParameterizedTest
    @ValueSource(strings = {"new", "NEW", "sysop", "SysOp", "all", "All", "guest", "root", "admin",
            "Administrator", "system", "everyone", "nobody", "carrier", "server", "chat", "operator",
            "moderator", "anonymous"})
    void reservedWordsAreRefusedInAnyCase(String handle) {
        assertEquals(RESERVED, HandleRules.problem(handle));
    }
}
