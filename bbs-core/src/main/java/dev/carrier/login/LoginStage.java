package dev.carrier.login;

import dev.carrier.auth.Authenticator;
import dev.carrier.menu.MenuStage;
import dev.carrier.session.Engine;
import dev.carrier.session.InputMode;
import dev.carrier.session.Session;
import dev.carrier.session.SessionState;
import dev.carrier.session.Stage;
import dev.carrier.user.User;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code login: } then {@code password: }. A wrong handle and a wrong password look and take
 * the same; each failure in a row doubles the pause before the next try, and the last allowed
 * failure hangs up.
 */
public final class LoginStage implements Stage {

    private static final Logger log = LoggerFactory.getLogger(LoginStage.class);

    private final Session session;
    private final Engine engine;
    private String handle;
    private int failures;

    public LoginStage(Session session) {
        this.session = session;
        this.engine = session.engine();
    }

    /** The first stage of every node: the banner, then the login prompt. */
    public static LoginStage afterBanner(Session session) {
        String banner = session.engine().menus().banner()
                .replace("{bbs}", session.engine().config().bbsName())
                .replace("{node}", String.valueOf(session.node()));
        session.write(banner);
        return new LoginStage(session);
    }

    @Override
    public SessionState state() {
        return SessionState.LOGIN;
    }

    @Override
    public String activity() {
        return "Logging in";
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
                session.moveTo(new NewUserStage(session));
            } else {
                handle = typed;
                session.prompt("password: ", InputMode.MASKED);
            }
            return;
        }
        String password = line;
        String tried = handle;
        Authenticator authenticator = new Authenticator(engine.users(), engine.hasher(), engine.clock());
        session.await(engine.workers().submit(() -> authenticator.check(tried, password)), user -> {
            if (user.isPresent()) {
                welcome(session, user.get(), false);
            } else {
                failed(tried);
            }
        });
    }

    private void failed(String tried) {
        failures++;
        log.info("node {} failed login for {} from {} ({} in a row)", session.node(), tried,
                session.terminal().info().remoteAddress(), failures);
        session.writeLine("Login incorrect.");
        if (failures >= engine.config().maxLoginFailures()) {
            session.writeLine("Too many failed logins. Goodbye.");
            session.hangUp();
            return;
        }
        Duration pause = engine.config().loginFailureDelay().multipliedBy(1L << (failures - 1));
        session.pause(pause, this::askHandle);
    }

    /** Where every successful login and registration lands: a greeting, then the main menu. */
    static void welcome(Session session, User user, boolean newUser) {
        if (user.banned()) {
            session.writeLine("This account is banned. Contact the sysop.");
            session.hangUp();
            return;
        }
        session.loggedIn(user);
        if (newUser) {
            session.writeLine("\nWelcome to " + session.engine().config().bbsName() + ", " + user.handle() + "!");
        } else {
            session.writeLine("\nWelcome back, " + user.handle() + "!");
        }
        session.moveTo(MenuStage.main(session));
    }
}
