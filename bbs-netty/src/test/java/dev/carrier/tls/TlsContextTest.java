package dev.carrier.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.security.Security;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading and reloading the certificate files as renewals leave them: rewritten in place,
 * replaced through a symbolic link (certbot's live/ folder), half-written, or with a key that
 * belongs to another certificate. Only a pair that loads replaces the one in use.
 */
class TlsContextTest {

    @TempDir
    Path dir;

    private CertificateFiles first;
    private CertificateFiles second;

    @BeforeEach
    void twoCertificates() throws IOException {
        first = SelfSignedCertificate.inFolder(dir.resolve("first"), Clock.systemUTC());
        second = SelfSignedCertificate.inFolder(dir.resolve("second"), Clock.systemUTC());
    }

    private TlsContext start(Path cert, Path key) throws IOException {
        return TlsContext.start(TlsConfig.off().withFiles(cert, key), dir, Clock.systemUTC());
    }

    private static BigInteger serial(Path cert) throws IOException {
        return PemFiles.readChain(cert).get(0).getSerialNumber();
    }

    @Test
    void aChainFileKeepsItsCertificatesInOrderWithTheServersFirst() throws IOException {
        Path chain = dir.resolve("fullchain.pem");
        Files.writeString(chain, Files.readString(first.cert()) + Files.readString(second.cert()));
        TlsContext tls = start(chain, first.key());
        assertEquals(2, tls.current().chain().size());
        assertEquals(serial(first.cert()), tls.current().serial());
        assertEquals(serial(second.cert()), tls.current().chain().get(1).getSerialNumber());
    }

    @Test
    void keysLoadAlikeWhenBouncyCastleIsARegisteredProvider() throws IOException {
        // The SSH library registers BouncyCastle's provider, which names EC keys "ECDSA".
        boolean added = Security.addProvider(new BouncyCastleProvider()) != -1;
        try {
            TlsContext tls = start(first.cert(), first.key());
            assertEquals(serial(first.cert()), tls.current().serial());
            IOException foreign = assertThrows(IOException.class, () -> start(first.cert(), second.key()));
            assertTrue(foreign.getMessage().contains("does not belong to the certificate"), foreign.getMessage());
        } finally {
            if (added) Security.removeProvider(BouncyCastleProvider.PROVIDER_NAME);
        }
    }

    @Test
    void anEcKeyInTheOlderSec1FormLoads() throws IOException {
        // "BEGIN EC PRIVATE KEY" with its curve inside, as openssl ecparam -genkey writes it
        PrivateKey key = PemFiles.readKey(first.key(), PemFiles.readChain(first.cert()).get(0));
        PrivateKeyInfo pkcs8 = PrivateKeyInfo.getInstance(key.getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(pkcs8.parsePrivateKey());
        ECPrivateKey sec1 = new ECPrivateKey(256, inner.getKey(), null, pkcs8.getPrivateKeyAlgorithm().getParameters());
        Path file = dir.resolve("sec1.key");
        try (PemWriter writer = new PemWriter(Files.newBufferedWriter(file))) {
            writer.writeObject(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
        }
        assertEquals(serial(first.cert()), start(first.cert(), file).current().serial());
    }

    @Test
    void unchangedFilesAreNotLoadedAgain() throws IOException {
        TlsContext tls = start(first.cert(), first.key());
        ServerCertificate loaded = tls.current();
        assertFalse(tls.reloadIfChanged());
        assertEquals(loaded, tls.current());
    }

    @Test
    void filesRewrittenInPlaceAreLoaded() throws IOException {
        Path cert = Files.copy(first.cert(), dir.resolve("cert.pem"));
        Path key = Files.copy(first.key(), dir.resolve("key.pem"));
        TlsContext tls = start(cert, key);
        Files.copy(second.key(), key, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(second.cert(), cert, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(tls.reloadIfChanged());
        assertEquals(serial(second.cert()), tls.current().serial());
    }

    @Test
    void aSymbolicLinkMovedToNewFilesIsFollowed() throws IOException {
        Path cert = Files.createSymbolicLink(dir.resolve("fullchain.pem"), first.cert());
        Path key = Files.createSymbolicLink(dir.resolve("privkey.pem"), first.key());
        TlsContext tls = start(cert, key);
        Files.delete(cert);
        Files.delete(key);
        Files.createSymbolicLink(key, second.key());
        Files.createSymbolicLink(cert, second.cert());
        assertTrue(tls.reloadIfChanged());
        assertEquals(serial(second.cert()), tls.current().serial());
    }

    @Test
    void aBrokenOrMismatchedRenewalKeepsTheCertificateInUseUntilTheFilesAreWhole() throws IOException {
        Path cert = Files.copy(first.cert(), dir.resolve("cert.pem"));
        Path key = Files.copy(first.key(), dir.resolve("key.pem"));
        TlsContext tls = start(cert, key);
        BigInteger inUse = tls.current().serial();

        Files.writeString(cert, "-----BEGIN CERTIFICATE-----\ncut off");
        assertFalse(tls.reloadIfChanged());
        assertEquals(inUse, tls.current().serial());

        // the new certificate is there, its key not yet: a pair that does not belong together
        Files.copy(second.cert(), cert, StandardCopyOption.REPLACE_EXISTING);
        assertFalse(tls.reloadIfChanged());
        assertEquals(inUse, tls.current().serial());

        Files.writeString(key, "");
        assertFalse(tls.reloadIfChanged());
        assertEquals(inUse, tls.current().serial());

        Files.copy(second.key(), key, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(tls.reloadIfChanged());
        assertEquals(serial(second.cert()), tls.current().serial());
    }

    @Test
    void aMissingOrForeignPairStopsTheStartNamingTheFile() {
        IOException missing = assertThrows(IOException.class, () -> start(dir.resolve("nope.pem"), first.key()));
        assertTrue(missing.getMessage().contains("nope.pem"), missing.getMessage());
        IOException foreign = assertThrows(IOException.class, () -> start(first.cert(), second.key()));
        assertTrue(foreign.getMessage().contains("does not belong to the certificate"), foreign.getMessage());
    }

    @Test
    void theSelfSignedCertificateIsMadeOnceAndAnewOnlyNearItsExpiry() throws IOException {
        Path folder = dir.resolve("data");
        Instant now = Instant.now();
        CertificateFiles made = SelfSignedCertificate.inFolder(folder, Clock.fixed(now, ZoneOffset.UTC));
        BigInteger serial = serial(made.cert());
        assertEquals(serial, serial(SelfSignedCertificate.inFolder(folder, Clock.fixed(now.plus(Duration.ofDays(300)),
                ZoneOffset.UTC)).cert()), "kept for most of its year");
        assertFalse(serial.equals(serial(SelfSignedCertificate.inFolder(folder, Clock.fixed(now.plus(Duration.ofDays(340)),
                ZoneOffset.UTC)).cert())), "made anew in its last month");
    }
}
