package dev.carrier.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;

/**
 * Reads a PEM certificate chain and its private key (PKCS#8, or the older RSA and EC forms
 * certbot and openssl write), and checks that the key belongs to the first certificate, so that
 * a half-finished renewal is refused here rather than at every caller's handshake. Blocking file
 * reads: call it on a worker, or at start-up.
 */
final class PemFiles {

    private PemFiles() {}

    static List<X509Certificate> readChain(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
            if (chain.isEmpty()) throw new IOException(file + " holds no PEM certificate");
            return chain;
        } catch (CertificateException e) {
            throw new IOException(file + " is not a PEM certificate chain: " + e.getMessage(), e);
        }
    }

    /**
     * The private key in {@code file}, made by the standard key factory of the certificate's own
     * algorithm: the same kind of key whatever providers are registered (SSH's library adds
     * BouncyCastle's, which would name EC keys "ECDSA").
     */
    static PrivateKey readKey(Path file, X509Certificate certificate) throws IOException {
        String algorithm = certificate.getPublicKey().getAlgorithm();
        PrivateKeyInfo info = readKeyInfo(file);
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IOException(file + " is not a private key of the certificate's kind (" + algorithm + "): "
                    + e.getMessage(), e);
        }
    }

    private static PrivateKeyInfo readKeyInfo(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(in)) {
            for (Object item = pem.readObject(); item != null; item = pem.readObject()) {
                if (item instanceof PrivateKeyInfo info) return info;
                if (item instanceof PEMKeyPair pair) return pair.getPrivateKeyInfo();
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " is not a PEM private key: " + e.getMessage(), e);
        }
        throw new IOException(file + " holds no unencrypted PEM private key");
    }

    /** Signs a few random bytes with the key and checks them with the certificate's public key. */
    static void checkPair(PrivateKey key, X509Certificate certificate, Path keyFile) throws IOException {
        PublicKey publicKey = certificate.getPublicKey();
        String algorithm = switch (publicKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IOException(keyFile + ": certificates with " + publicKey.getAlgorithm() + " keys are not supported");
        };
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new IOException(keyFile + " does not belong to the certificate (" 
                        + certificate.getSubjectX500Principal().getName() + ")");
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(keyFile + " cannot be used with the certificate: " + e.getMessage(), e);
        }
    }
}
