package dev.carrier.server;

import dev.carrier.auth.LoginGate;
import dev.carrier.login.Reception;
import dev.carrier.runtime.Workers;
import dev.carrier.session.SessionHost;
import dev.carrier.ssh.SshCaller;
import dev.carrier.ssh.SshReception;
import dev.carrier.sshkey.SshKeyStore;
import dev.carrier.terminal.Terminal;
import dev.carrier.terminal.TerminalInput;
import dev.carrier.user.User;
import dev.carrier.user.UserStore;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The engine as the SSH transport sees it: passwords through the one {@link LoginGate} (so a
 * failed SSH password spends the telnet and web budgets), keys from the key store (on the
 * workers), and sessions opened on the {@link SessionHost} already past the login prompt.
 * Immutable after wiring.
 */
final class SshLogins implements SshReception {

    private final LoginGate gate;
    private final UserStore users;
    private final SshKeyStore keys;
    private final Workers workers;
    private final Clock clock;
    private final SessionHost host;
    private final Reception reception;

    SshLogins(LoginGate gate, UserStore users, SshKeyStore keys, Workers workers, Clock clock, SessionHost host,
            Reception reception) {
        this.gate = gate;
        this.users = users;
        this.keys = keys;
        this.workers = workers;
        this.clock = clock;
        this.host = host;
        this.reception = reception;
    }

    @Override
    public CompletableFuture<Optional<User>> password(String handle, String password, String address) {
        return gate.login(handle, password, address, "ssh").thenApply(outcome ->
                outcome instanceof LoginGate.Outcome.Accepted accepted ? Optional.of(accepted.user()) : Optional.empty());
    }

    @Override
    public CompletableFuture<Optional<User>> key(String handle, String keyType, String keyBlob) {
        return workers.submit(() -> {
            Optional<User> user = users.find(handle);
            if (user.isEmpty()) return Optional.<User>empty();
            Optional<Long> owner = keys.owner(keyType, keyBlob);
            if (owner.isEmpty() || owner.get() != user.get().id()) return Optional.<User>empty();
            users.recordLogin(user.get().id(), clock.instant());
            return user;
        });
    }

    @Override
    public TerminalInput open(Terminal terminal, SshCaller caller) {
        if (caller instanceof SshCaller.Identified identified) {
            return host.open(terminal, reception.identified(identified.user()));
        }
        return host.open(terminal, reception.registration());
    }
}
