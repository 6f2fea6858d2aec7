package dev.carrier.ssh;

import dev.carrier.user.User;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.auth.AsyncAuthException;
import org.apache.sshd.server.auth.UserAuthFactory;
import org.apache.sshd.server.auth.keyboard.DefaultKeyboardInteractiveAuthenticator;
import org.apache.sshd.server.auth.keyboard.InteractiveChallenge;
import org.apache.sshd.server.auth.keyboard.KeyboardInteractiveAuthenticator;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How SSH callers prove who they are. A password (the {@code password} and
 * {@code keyboard-interactive} methods alike) goes through the engine's one login gate, so its
 * failures spend the same budgets as telnet's and the web's; a public key must be one the user
 * added; the handle {@code new} passes keyboard-interactive without a prompt and starts registration. Password checks run off
 * MINA's threads: the authenticator answers with {@link AsyncAuthException} and settles it when
 * the gate's future completes. The caller found is kept on the SSH session under {@link #CALLER}.
 */
final class SshAuth implements PasswordAuthenticator, PublickeyAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(SshAuth.class);

    /** The handle that asks for registration, as at the telnet login prompt. */
    static final String NEW_USER = "new";

    /** A key lookup slower than this is refused (the client may try its password next). */
    static final Duration KEY_LOOKUP_LIMIT = Duration.ofSeconds(5);

    static final AttributeKey<SshCaller> CALLER = new AttributeKey<>();

    private final SshReception reception;

    SshAuth(SshReception reception) {
        this.reception = reception;
    }

    /** The methods offered, in the order a client should try them. */
    List<UserAuthFactory> methods() {
        return List.of(UserAuthPublicKeyFactory.INSTANCE,
                UserAuthKeyboardInteractiveFactory.INSTANCE, UserAuthPasswordFactory.INSTANCE);
    }

    @Override
    public boolean authenticate(String handle, String password, ServerSession session) {
        if (isNewUser(handle)) return false;
        String address = SshShell.address(session.getClientAddress());
        return settle(session, reception.password(handle, password, address), "password", handle);
    }

    @Override
    public boolean authenticate(String handle, PublicKey key, ServerSession session) {
        if (isNewUser(handle)) return false;
        String[] line = PublicKeyEntry.toString(key).split(" ");
        if (line.length < 2) return false;
        // MINA takes only password answers asynchronously, so a key is looked up while this MINA
        // thread waits (never a Netty event loop; the query is one indexed row on a worker).
        try {
            Optional<User> user = reception.key(handle, line[0], line[1]).get(KEY_LOOKUP_LIMIT.toMillis(),
                    TimeUnit.MILLISECONDS);
            user.ifPresent(found -> session.setAttribute(CALLER, new SshCaller.Identified(found)));
            return user.isPresent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            log.warn("ssh key check for {} failed", handle, e);
            return false;
        }
    }

    private static boolean settle(ServerSession session, CompletableFuture<Optional<User>> check,
            String method, String handle) {
        AsyncAuthException answer = new AsyncAuthException();
        check.whenComplete((user, failure) -> {
            if (failure != null) log.warn("ssh {} check for {} failed", method, handle, failure);
            boolean ok = failure == null && user.isPresent();
            if (ok) session.setAttribute(CALLER, new SshCaller.Identified(user.get()));
            answer.setAuthed(ok);
        });
        throw answer;
    }

    static boolean isNewUser(String handle) {
        return handle != null && handle.toLowerCase(Locale.ROOT).equals(NEW_USER);
    }

    /**
     * {@code keyboard-interactive}: for the handle {@code new} a challenge without prompts that
     * succeeds (registration needs no password); for everyone else MINA's password prompt, checked
     * by {@link #authenticate(String, String, ServerSession)}.
     */
    KeyboardInteractiveAuthenticator keyboard() {
        return new DefaultKeyboardInteractiveAuthenticator() {
            @Override
            public InteractiveChallenge generateChallenge(ServerSession session, String handle, String lang,
                    String subMethods) throws Exception {
                if (!isNewUser(handle)) return super.generateChallenge(session, handle, lang, subMethods);
                InteractiveChallenge none = new InteractiveChallenge();
                none.setInteractionName("");
                none.setInteractionInstruction("");
                none.setLanguageTag("");
                return none;
            }

            @Override
            public boolean authenticate(ServerSession session, String handle, List<String> responses) throws Exception {
                if (!isNewUser(handle)) return super.authenticate(session, handle, responses);
                session.setAttribute(CALLER, new SshCaller.Registering());
                return true;
            }
        };
    }
}
