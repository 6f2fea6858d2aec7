package dev.carrier.tls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the server speaks TLS, and with which certificate: the sysop's PEM files, or one the
 * server makes and keeps in its data folder for testing.
 *
 * @param certFile         the certificate, PEM, the server's first and then its chain (certbot's fullchain.pem)
 * @param keyFile          the private key of the first certificate, PEM (certbot's privkey.pem)
 * @param selfSigned       make (once) and use a self-signed certificate in the data folder
 * @param redirectHttp     on the web port, answer a plain-HTTP request with a redirect to https
 * @param handshakeTimeout a connection whose TLS handshake takes longer is closed
 * @param reloadCheck      how often the certificate files are looked at for a renewal
 */
public record TlsConfig(Optional<Path> certFile, Optional<Path> keyFile, boolean selfSigned, boolean redirectHttp,
                        Duration handshakeTimeout, Duration reloadCheck) {

    /** In seconds, so that the command line can show it as text ({@code 10s}). */
    public static final int DEFAULT_HANDSHAKE_TIMEOUT_SECONDS = 10;
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(DEFAULT_HANDSHAKE_TIMEOUT_SECONDS);
    /** Renewals (certbot's are days before expiry) need no quicker look than this. */
    public static final Duration DEFAULT_RELOAD_CHECK = Duration.ofMinutes(1);

    public TlsConfig {
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(reloadCheck, "reloadCheck");
        if (certFile.isPresent() != keyFile.isPresent()) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together: give both files, or neither");
        }
        if (certFile.isPresent() && selfSigned) {
            throw new IllegalArgumentException("--tls-self-signed is for testing without certificate files;"
                    + " drop it or drop --tls-cert and --tls-key");
        }
        if (redirectHttp && certFile.isEmpty() && !selfSigned) {
            throw new IllegalArgumentException("--redirect-http needs TLS: add --tls-cert and --tls-key, or --tls-self-signed");
        }
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("--tls-handshake-timeout must be above 0, such as 10s; was " + handshakeTimeout);
        }
        if (reloadCheck.isNegative() || reloadCheck.isZero()) {
            throw new IllegalArgumentException("the certificate reload check must be above 0, was " + reloadCheck);
        }
    }

    /** No TLS: plain telnet and HTTP only. */
    public static TlsConfig off() {
        return new TlsConfig(Optional.empty(), Optional.empty(), false, false, DEFAULT_HANDSHAKE_TIMEOUT, DEFAULT_RELOAD_CHECK);
    }

    public boolean isOn() {
        return certFile.isPresent() || selfSigned;
    }

    /** The sysop's certificate and key files. */
    public TlsConfig withFiles(Path cert, Path key) {
        return new TlsConfig(Optional.ofNullable(cert), Optional.ofNullable(key), selfSigned, redirectHttp,
                handshakeTimeout, reloadCheck);
    }

    public TlsConfig withSelfSigned(boolean self) {
        return new TlsConfig(certFile, keyFile, self, redirectHttp, handshakeTimeout, reloadCheck);
    }

    public TlsConfig withRedirectHttp(boolean redirect) {
        return new TlsConfig(certFile, keyFile, selfSigned, redirect, handshakeTimeout, reloadCheck);
    }

    public TlsConfig withHandshakeTimeout(Duration timeout) {
        return new TlsConfig(certFile, keyFile, selfSigned, redirectHttp, timeout, reloadCheck);
    }

    public TlsConfig withReloadCheck(Duration interval) {
        return new TlsConfig(certFile, keyFile, selfSigned, redirectHttp, handshakeTimeout, interval);
    }
}
