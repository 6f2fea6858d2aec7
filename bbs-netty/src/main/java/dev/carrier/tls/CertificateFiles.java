package dev.carrier.tls;

import java.nio.file.Path;
import java.util.Objects;

/** Where a certificate (with its chain) and its private key are, both PEM. */
public record CertificateFiles(Path cert, Path key) {

    public CertificateFiles {
        Objects.requireNonNull(cert, "cert");
        Objects.requireNonNull(key, "key");
    }
}
