package dev.carrier.login;

import dev.carrier.session.Session;
import dev.carrier.session.SessionState;
import dev.carrier.session.Stage;
import dev.carrier.session.StageTraits;
import dev.carrier.user.User;

/**
 * A session whose caller was identified before it began (SSH checked a password or key): it
 * shows the banner and goes on exactly as a login at the prompt does, through
 * {@link LoginStage#welcome}, so bans, the greeting and the main menu are the same.
 */
final class IdentifiedStage implements Stage {

    private static final StageTraits TRAITS = StageTraits.of(SessionState.LOGIN, "Logging in");

    private final Session session;
    private final Reception reception;
    private final User user;

    IdentifiedStage(Session session, Reception reception, User user) {
        this.session = session;
        this.reception = reception;
        this.user = user;
    }

    @Override
    public String unavailable() {
        return Reception.UNAVAILABLE;
    }

    @Override
    public StageTraits traits() {
        return TRAITS;
    }

    @Override
    public void enter() {
        LoginStage.showBanner(session, reception);
        LoginStage.welcome(session, reception, user, false);
    }

    @Override
    public void onLine(String line) {
        // Never the current stage for long: enter() moves on at once.
    }
}
