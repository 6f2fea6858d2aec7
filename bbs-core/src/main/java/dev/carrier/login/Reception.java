package dev.carrier.login;

import dev.carrier.auth.LoginGate;
import dev.carrier.runtime.Workers;
import dev.carrier.session.EngineConfig;
import dev.carrier.session.Service;
import dev.carrier.user.User;
import dev.carrier.user.PasswordHasher;
import dev.carrier.user.UserStore;
import java.time.Clock;

/**
 * What the login and registration stages use, handed over once at wiring time.
 *
 * @param gate     every password login's one gate (budgets, hashing off the event loop)
 * @param users    where registration looks for lookalike handles and creates the account
 * @param hasher   hashes a new user's password (on a worker)
 * @param workers  where the store and the hasher are called
 * @param clock    the new account's first login time
 * @param banner   the banner before the first prompt, with {@code {bbs}} and {@code {node}} to fill in
 * @param config   the BBS's name and the failed-login rules
 * @param mainMenu where a caller lands once logged in or registered
 */
public record Reception(LoginGate gate, UserStore users, PasswordHasher hasher, Workers workers, Clock clock,
        String banner, EngineConfig config, Service.Opener mainMenu) {

    /** What a caller reads at login when the accounts' store is away. */
    public static final String UNAVAILABLE = "Logins are unavailable just now; call back shortly.";

    /** The first stage of every node: the banner, then the login prompt. */
    public Service.Opener firstStage() {
        return session -> LoginStage.afterBanner(session, this);
    }

    /**
     * The first stage for a caller the transport has already identified (an SSH password or key
     * was checked before the session began): the banner, then the same welcome as after the
     * login prompt, a ban included.
     */
    public Service.Opener identified(User user) {
        return session -> new IdentifiedStage(session, this, user);
    }

    /** The first stage for a caller who asked to register ({@code ssh new@host}): the banner, then registration. */
    public Service.Opener registration() {
        return session -> new NewUserStage(session, this, LoginStage.afterBanner(session, this));
    }
}
