package dev.carrier.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carrier.profile.ProfileRules.Checked;
import dev.carrier.user.Preferences;
import org.junit.jupiter.api.Test;

class ProfileRulesTest {

    @Test
    void aDisplayNameIsOneToFortyCleanCharactersOrDashToClear() {
        assertEquals(new Checked.Ok<>("Alice L."), ProfileRules.displayName("  Alice\u0007 L. "));
        assertEquals(new Checked.Ok<>(""), ProfileRules.displayName("-"));
        assertEquals(new Checked.Refused<String>(
                "display name must be 1-40 characters (or - to show your handle instead)"),
                ProfileRules.displayName("x".repeat(41)));
        assertEquals(new Checked.Ok<>("red"), ProfileRules.displayName("\u001b[31mred"));
    }

    @Test
    void taglineAndLocationHaveTheirLimits() {
        assertEquals(new Checked.Ok<>("x".repeat(80)), ProfileRules.tagline("x".repeat(80)));
        assertEquals(new Checked.Refused<String>("tagline must be at most 80 characters, on one line"),
                ProfileRules.tagline("x".repeat(81)));
        assertEquals(new Checked.Refused<String>("location must be at most 40 characters"),
                ProfileRules.location("y".repeat(41)));
    }

    @Test
    void terminalSettingsSayWhatIsAllowed() {
        assertEquals(new Checked.Ok<>(Preferences.CP437), ProfileRules.charset("CP437"));
        assertEquals(new Checked.Refused<>("charset must be UTF-8 or CP437"), ProfileRules.charset("koi8-r"));
        assertEquals(new Checked.Ok<>(true), ProfileRules.colour("ON"));
        assertEquals(new Checked.Refused<>("ANSI colour must be on or off"), ProfileRules.colour("blue"));
        assertEquals(new Checked.Ok<>(0), ProfileRules.screenRows("0"));
        assertEquals(new Checked.Ok<>(50), ProfileRules.screenRows(" 50 "));
        assertEquals(new Checked.Refused<>("screen height must be 10-200 lines, or 0 to follow your terminal"),
                ProfileRules.screenRows("9"));
        assertEquals(ProfileRules.screenRows("9"), ProfileRules.screenRows("tall"));
    }
}
