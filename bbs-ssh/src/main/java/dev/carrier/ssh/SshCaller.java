package dev.carrier.ssh;

import dev.carrier.user.User;

/** Who an SSH connection turned out to be once authentication succeeded. */
public sealed interface SshCaller {

    /** A password or a key of this user was checked: the session starts logged in. */
    record Identified(User user) implements SshCaller {}

    /** {@code ssh new@host}: the session starts with registration. */
    record Registering() implements SshCaller {}
}
