package dev.carrier.tls;

import dev.carrier.store.OwnerOnlyFile;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate {@code --tls-self-signed} uses: made once (an EC P-256 key, a year's validity,
 * names localhost, the loopback addresses and this machine's name) into the data folder, the key
 * rw-------, and kept across restarts so that a browser's exception for it keeps holding. Made
 * anew only when it is missing or within a month of its expiry.
 */
public final class SelfSignedCertificate {

    public static final String CERT_FILE = "tls-self-signed.crt";
    public static final String KEY_FILE = "tls-self-signed.key";
    private static final Duration VALIDITY = Duration.ofDays(365);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final Logger log = LoggerFactory.getLogger(SelfSignedCertificate.class);

    private SelfSignedCertificate() {}

    /** The certificate and key files in {@code dataDir}, made first when missing or about to expire. */
    public static CertificateFiles inFolder(Path dataDir, Clock clock) throws IOException {
        Path cert = dataDir.resolve(CERT_FILE);
        Path key = dataDir.resolve(KEY_FILE);
        if (Files.exists(cert) && Files.exists(key) && !expiresSoon(cert, clock)) return new CertificateFiles(cert, key);
        Files.createDirectories(dataDir);
        String[] pem = make(clock.instant());
        // The key first, so that a certificate never names a key that is not there yet.
        OwnerOnlyFile.write(key, pem[1].getBytes(StandardCharsets.US_ASCII));
        OwnerOnlyFile.write(cert, pem[0].getBytes(StandardCharsets.US_ASCII));
        log.info("made a self-signed TLS certificate for testing: {} (key {})", cert, key);
        return new CertificateFiles(cert, key);
    }

    private static boolean expiresSoon(Path cert, Clock clock) {
        try {
            X509Certificate leaf = PemFiles.readChain(cert).get(0);
            return leaf.getNotAfter().toInstant().isBefore(clock.instant().plus(RENEW_BEFORE));
        } catch (IOException e) {
            log.warn("the self-signed certificate {} cannot be read ({}); making a new one", cert, e.getMessage());
            return true;
        }
    }

    /** The certificate and its key, PEM. */
    private static String[] make(Instant now) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=localhost, O=Carrier BBS self-signed for testing");
            BigInteger serial = new BigInteger(128, new SecureRandom());
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial,
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), name, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, names());
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new String[] {pem(certificate), pem(new JcaPKCS8Generator(pair.getPrivate(), null))}; // PKCS#8, as certbot writes
        } catch (GeneralSecurityException | OperatorCreationException | org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new IOException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
    }

    private static GeneralNames names() {
        Set<String> dns = new LinkedHashSet<>();
        dns.add("localhost");
        try {
            dns.add(InetAddress.getLocalHost().getHostName());
        } catch (IOException e) {
            // a machine without a resolvable name: localhost and the loopback addresses still work
        }
        return new GeneralNames(Stream.concat(
                dns.stream().map(host -> new GeneralName(GeneralName.dNSName, host)),
                Set.of("127.0.0.1", "::1").stream().map(ip -> new GeneralName(GeneralName.iPAddress, ip)))
                .toArray(GeneralName[]::new));
    }

    private static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
