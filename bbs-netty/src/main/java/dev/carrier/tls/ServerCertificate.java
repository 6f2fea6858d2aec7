package dev.carrier.tls;

import io.netty.handler.ssl.SslContext;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One loaded certificate: the Netty context new connections are handed, and the server's own
 * certificate (the first of the chain), for what start-up, {@code /health} and status say about it.
 */
public record ServerCertificate(SslContext context, List<X509Certificate> chain) {

    public ServerCertificate {
        Objects.requireNonNull(context, "context");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) throw new IllegalArgumentException("a certificate chain needs at least one certificate");
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    public String subject() {
        return leaf().getSubjectX500Principal().getName();
    }

    public BigInteger serial() {
        return leaf().getSerialNumber();
    }

    public Instant expires() {
        return leaf().getNotAfter().toInstant();
    }

    /** As a sysop reads it in the log and in status: subject, serial and expiry. */
    public String describe() {
        return subject() + ", serial " + serial().toString(16) + ", expires " + expires();
    }
}
