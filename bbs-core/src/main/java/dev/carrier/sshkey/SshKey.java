package dev.carrier.sshkey;

import java.time.Instant;

/** A public key a user added for SSH logins, as stored. */
public record SshKey(long id, long userId, PublicKeyText key, Instant addedAt) {

    public String fingerprint() {
        return key.fingerprint();
    }
}
