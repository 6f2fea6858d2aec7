package dev.carrier.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS: the certificate now in use, and a handler for each new connection made from
 * it. A renewal ({@link #reloadIfChanged()}) swaps the certificate for new connections; the ones
 * already open keep the session they negotiated. A new file that does not load is logged, and
 * the certificate in use stays.
 *
 * <p>BoringSSL (netty-tcnative) where its native library loads, the JDK's provider otherwise;
 * TLS 1.3 and 1.2 only, with the provider's default (Netty's recommended) cipher suites.
 *
 * <p>Threads: {@link #newHandler} and {@link #current()} from any thread (the certificate is a
 * volatile, immutable value); {@link #reloadIfChanged()} reads files and is for one worker at a time.
 */
public final class TlsContext {

    public static final String HANDLER_NAME = "tls";
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final Logger log = LoggerFactory.getLogger(TlsContext.class);

    private final Path certFile;
    private final Path keyFile;
    private final TlsConfig config;
    private final SslProvider provider;
    private volatile ServerCertificate current;
    private List<FileStamp> loaded;
    private Optional<List<FileStamp>> refused = Optional.empty();

    /** The files loaded now with {@code provider}; blocking. */
    TlsContext(CertificateFiles files, TlsConfig config, SslProvider provider) throws IOException {
        this.certFile = files.cert();
        this.keyFile = files.key();
        this.config = config;
        this.provider = provider;
        this.loaded = stamps();
        this.current = load();
    }

    /**
     * The sysop's files, or the self-signed certificate in {@code dataDir}, loaded; blocking.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    public static TlsContext start(TlsConfig config, Path dataDir, Clock clock) throws IOException {
        if (!config.isOn()) throw new IllegalArgumentException("TLS is off in this config");
        CertificateFiles files = config.selfSigned()
                ? SelfSignedCertificate.inFolder(dataDir, clock)
                : new CertificateFiles(config.certFile().orElseThrow(), config.keyFile().orElseThrow());
        TlsContext tls = new TlsContext(files, config, OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK);
        log.info("TLS provider: {}", tls.providerName());
        log.info("TLS certificate: {} from {}", tls.current.describe(), files.cert());
        return tls;
    }

    /** Which TLS implementation serves, as start-up logs it. */
    public String providerName() {
        return provider == SslProvider.OPENSSL
                ? "OpenSSL API (" + OpenSsl.versionString() + ", netty-tcnative)"
                : "JDK (" + System.getProperty("java.vendor") + " " + Runtime.version() + "; BoringSSL not loaded: "
                        + Optional.ofNullable(OpenSsl.unavailabilityCause()).map(Throwable::getMessage).orElse("?") + ")";
    }

    public TlsConfig config() {
        return config;
    }

    /** The certificate new connections get. */
    public ServerCertificate current() {
        return current;
    }

    /** A handler for one new connection, with the certificate now in use and the handshake deadline. */
    public SslHandler newHandler(ByteBufAllocator alloc) {
        SslHandler handler = current.context().newHandler(alloc);
        handler.setHandshakeTimeoutMillis(config.handshakeTimeout().toMillis());
        return handler;
    }

    /**
     * Loads the files again when they changed since the last load (a renewal replaces or rewrites
     * them, or moves a symbolic link); blocking. A failure is logged once per version of the files.
     *
     * @return whether a new certificate is now in use
     */
    public synchronized boolean reloadIfChanged() {
        List<FileStamp> now;
        try {
            now = stamps();
        } catch (IOException e) {
            log.warn("TLS certificate files cannot be read ({}); keeping {}", e.getMessage(), current.describe());
            return false;
        }
        if (now.equals(loaded) || refused.equals(Optional.of(now))) return false;
        try {
            ServerCertificate fresh = load();
            current = fresh;
            loaded = now;
            refused = Optional.empty();
            log.info("TLS certificate reloaded: {} from {}", fresh.describe(), certFile);
            return true;
        } catch (IOException | RuntimeException e) {
            refused = Optional.of(now);
            log.warn("TLS certificate files changed but do not load ({}); keeping {}", e.getMessage(), current.describe());
            return false;
        }
    }

    private ServerCertificate load() throws IOException {
        List<X509Certificate> chain = PemFiles.readChain(certFile);
        PrivateKey key = PemFiles.readKey(keyFile, chain.get(0));
        PemFiles.checkPair(key, chain.get(0), keyFile);
        SslContext context = SslContextBuilder.forServer(key, chain.toArray(X509Certificate[]::new))
                .sslProvider(provider)
                .protocols(PROTOCOLS)
                .build();
        return new ServerCertificate(context, chain);
    }

    private List<FileStamp> stamps() throws IOException {
        return List.of(FileStamp.of(certFile), FileStamp.of(keyFile));
    }

    /** What tells a changed file: where its link points, its inode, size and modification time. */
    private record FileStamp(Path real, String key, long size, FileTime modified) {

        static FileStamp of(Path file) throws IOException {
            Objects.requireNonNull(file, "file");
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(file.toRealPath(), String.valueOf(attributes.fileKey()), attributes.size(),
                    attributes.lastModifiedTime());
        }
    }
}
