package dev.carrier.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carrier.netty.NettyTransport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both TLS providers serve the same way: BoringSSL where it loads and the JDK's where it does
 * not. A real socket on loopback, a real handshake from the JDK's client: TLS 1.3 and 1.2
 * spoken, the loaded certificate presented, and what {@link AfterHandshake} holds back sent once
 * the handshake is done. (That TLS 1.1 is refused is shown with openssl's client, which can still
 * offer it, in the server's TlsTest.)
 */
class TlsProvidersTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = SslProvider.class, names = {"JDK", "OPENSSL"})
    void eachProviderSpeaksTls13And12WithTheLoadedCertificate(SslProvider provider) throws Exception {
        Assumptions.assumeTrue(provider == SslProvider.JDK || OpenSsl.isAvailable(),
                "BoringSSL does not load on this machine: " + OpenSsl.unavailabilityCause());
        CertificateFiles files = SelfSignedCertificate.inFolder(dir, Clock.systemUTC());
        TlsContext tls = new TlsContext(files, TlsConfig.off().withFiles(files.cert(), files.key()), provider);
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NettyTransport.ioHandlers());
        try {
            Channel listener = new ServerBootstrap().group(loops).channel(NettyTransport.serverChannel())
                    .childHandler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(TlsContext.HANDLER_NAME, tls.newHandler(ch.alloc()))
                                    .addLast(new AfterHandshake("greeting", new ChannelInitializer<>() {
                                        @Override
                                        protected void initChannel(Channel greeted) {
                                            greeted.writeAndFlush(Unpooled.copiedBuffer("hello\n", StandardCharsets.US_ASCII))
                                                    .addListener(ChannelFutureListener.CLOSE);
                                        }
                                    }));
                        }
                    })
                    .bind("127.0.0.1", 0).sync().channel();
            int port = ((InetSocketAddress) listener.localAddress()).getPort();
            for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) {
                try (SSLSocket socket = connect(port, protocol)) {
                    assertEquals(protocol, socket.getSession().getProtocol());
                    assertEquals(tls.current().leaf(), socket.getSession().getPeerCertificates()[0]);
                    String greeting = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                    assertEquals("hello\n", greeting, "sent only after the handshake, then closed");
                }
            }
            listener.close().sync();
        } finally {
            loops.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
        }
    }

    /** The JDK's client offering only {@code protocol}, any certificate accepted. */
    private static SSLSocket connect(int port, String protocol) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.setEnabledProtocols(new String[] {protocol});
        socket.startHandshake();
        return socket;
    }
}
