package dev.carrier.ssh;

import dev.carrier.terminal.Terminal;
import dev.carrier.terminal.TerminalInput;
import dev.carrier.user.User;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the SSH transport asks of the engine: checking a password or a key before any session
 * exists, and opening the session for the caller found. The server wires it to the one
 * {@code LoginGate}, the key store and the {@code SessionHost}. Every method returns at once.
 */
public interface SshReception {

    /**
     * Checks a password through the same gate as telnet and the web, so failures spend the same
     * budgets. Empty when refused (a wrong password, or throttled).
     */
    CompletableFuture<Optional<User>> password(String handle, String password, String address);

    /** The user who added this key under this handle, if any (their last login recorded). */
    CompletableFuture<Optional<User>> key(String handle, String keyType, String keyBlob);

    /** Opens the session for an authenticated caller; called on the terminal's executor. */
    TerminalInput open(Terminal terminal, SshCaller caller);
}
