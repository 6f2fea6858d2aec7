package dev.carrier.server;

import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** The JDK's TLS client, as a test uses it to look at the server's certificate or to trust it. */
final class TlsClients {

    private TlsClients() {}

    /** The certificate the server presents to a new connection now (any certificate accepted, to read it). */
    static X509Certificate peerCertificate(int port) throws IOException, GeneralSecurityException {
        try (SSLSocket socket = open(port)) {
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    /** A TLS connection to the server on loopback, handshake done, any certificate accepted. */
    static SSLSocket open(int port) throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), null); // only to read which one is sent
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout((int) TestServer.WAIT.toMillis());
        socket.startHandshake();
        return socket;
    }

    /** A client context that trusts exactly the certificates in this PEM file. */
    static SSLContext trusting(Path pem) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int n = 0;
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("carrier-" + n++, certificate);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /** Reads until the server closes the connection; the bytes it sent before. */
    static byte[] readToEnd(Socket socket) throws IOException {
        socket.setSoTimeout((int) TestServer.WAIT.toMillis());
        return socket.getInputStream().readAllBytes();
    }
}
