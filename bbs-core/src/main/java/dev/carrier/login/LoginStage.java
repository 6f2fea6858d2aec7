package dev.carrier.login;

import dev.carrier.auth.LoginGate;
import dev.carrier.auth.LoginGate.Outcome;
import dev.carrier.session.InputMode;
import dev.carrier.session.Session;
import dev.carrier.session.SessionState;
import dev.carrier.session.Stage;
import dev.carrier.session.StageTraits;
import dev.carrier.user.HandleRules;
import dev.carrier.user.User;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code login: } then {@code password: }. A wrong handle and a wrong password look and take
 * the same; each failure in a row doubles the pause before the next try, and the last allowed
 * failure hangs up. Every try goes through the server's one {@link LoginGate}, so guesses over
 * many connections from one address (or at one handle) share their budgets with the web's.
 */
final class LoginStage implements Stage {

    private static final Logger log = LoggerFactory.getLogger(LoginStage.class);

    private static final StageTraits TRAITS = StageTraits.of(SessionState.LOGIN, "Logging in");

    private final Session session;
    private final Reception reception;
    private final LoginGate gate;
    private String handle;
    private int failures;

    public LoginStage(Session session, Reception reception) {
        this.session = session;
        this.reception = reception;
        this.gate = reception.gate();
    }

    /** The first stage of every node: the banner, then the login prompt. */
    static LoginStage afterBanner(Session session, Reception reception) {
        showBanner(session, reception);
        return new LoginStage(session, reception);
    }

    /** The banner every node shows first, however its caller logs in. */
    static void showBanner(Session session, Reception reception) {
        String banner = reception.banner()
                .replace("{bbs}", reception.config().bbsName())
                .replace("{node}", String.valueOf(session.node()));
        session.write(banner);
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
        askHandle();
    }

    private void askHandle() {
        handle = null;
        session.prompt("login: ", InputMode.LINE);
    }

    @Override
    public void onLine(String line) {
        if (handle == null) {
            String typed = line.strip();
            if (typed.isEmpty()) {
                askHandle();
            } else if (typed.equalsIgnoreCase("new")) {
                session.moveTo(new NewUserStage(session, reception, this));
            } else {
                handle = typed;
                session.prompt("password: ", InputMode.MASKED);
            }
            return;
        }
        String password = line;
        String tried = handle;
        session.await(gate.login(tried, password, session.terminal().info().remoteAddress(),
                session.terminal().info().transport()), outcome -> {
            if (outcome instanceof Outcome.Accepted accepted) {
                welcome(session, reception, accepted.user(), false);
            } else if (outcome instanceof Outcome.Throttled throttled) {
                failed(tried, "Too many failed logins for this handle or from your address. Try again in "
                        + seconds(throttled.retryAfter()) + ".");
            } else if (outcome instanceof Outcome.Busy) {
                // Nothing was checked, so it is no strike against the caller.
                session.writeLine("The server is busy; try again shortly.");
                askHandle();
            } else {
                failed(tried, "Login incorrect.");
            }
        });
    }

    private static String seconds(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return seconds == 1 ? "1 second" : seconds + " seconds";
    }

    private void failed(String tried, String why) {
        failures++;
        log.info("node {} failed login for {} from {} ({} in a row)", session.node(), HandleRules.forLog(tried),
                session.terminal().info().remoteAddress(), failures);
        session.writeLine(why);
        if (failures >= reception.config().maxLoginFailures()) {
            session.writeLine("Too many failed logins. Goodbye.");
            session.hangUp();
            return;
        }
        Duration pause = reception.config().loginFailureDelay().multipliedBy(1L << (failures - 1));
        session.pause(pause, this::askHandle);
    }

    /** Where every successful login and registration lands: a greeting, then the main menu. */
    static void welcome(Session session, Reception reception, User user, boolean newUser) {
        if (user.banned()) {
            session.writeLine("This account is banned. Contact the sysop.");
            session.hangUp();
            return;
        }
        session.loggedIn(user);
        if (newUser) {
            session.writeLine("\nWelcome to " + reception.config().bbsName() + ", " + user.handle() + "!");
        } else {
            session.writeLine("\nWelcome back, " + user.handle() + "!");
        }
        session.moveTo(reception.mainMenu().open(session));
    }
}
