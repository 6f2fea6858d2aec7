package dev.carrier.ssh;

import dev.carrier.connection.ConnectionLimit;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SSH listener: Apache MINA SSHD on its own NIO2 threads for the protocol (key exchange,
 * ciphers, authentication, channels), and one of the shared Netty event loops per shell for
 * everything the session touches, like a telnet caller's. Only {@code shell} is served: exec,
 * subsystems (sftp, scp), port, agent and X11 forwarding are refused. One place in the per-address
 * limit per TCP connection, as for telnet; the node limit is the engine's.
 */
public final class SshTransport implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SshTransport.class);

    /**
     * The client may send this much before the session has used it: what one shell holds on the
     * input side (MINA's default is 2 MiB).
     */
    public static final long WINDOW_SIZE = 64 * 1024;

    /** Longer than the engine's idle rules, so those decide when a quiet caller goes. */
    static final Duration IDLE_TIMEOUT = Duration.ofHours(2);
    static final Duration AUTH_TIMEOUT = Duration.ofMinutes(1);
    /** A shell is a node; a second channel per connection is allowed, more are refused. */
    static final int MAX_CHANNELS = 2;

    private static final AttributeKey<ConnectionLimit.Permit> PERMIT = new AttributeKey<>();

    private final SshConfig config;
    private final SshServer server;

    /**
     * @param charsetFor the charset for a terminal type (the telnet rules: CP437 for ANSI-BBS types)
     * @param loops      where each shell's session runs
     */
    public SshTransport(SshConfig config, HostKeys hostKeys, SshReception reception, Function<String, Charset> charsetFor,
            ConnectionLimit perAddress, EventLoopGroup loops) {
        this.config = config;
        server = SshServer.setUpDefaultServer();
        server.setHost(config.bindHost());
        server.setPort(config.port());
        server.setKeyPairProvider(hostKeys.provider());
        SshAuth auth = new SshAuth(reception);
        server.setUserAuthFactories(auth.methods());
        server.setPasswordAuthenticator(auth);
        server.setPublickeyAuthenticator(auth);
        server.setKeyboardInteractiveAuthenticator(auth.keyboard());
        server.setShellFactory(channel -> new SshShell(loops.next(), reception, charsetFor, config.output()));
        server.setCommandFactory(null);
        server.setSubsystemFactories(List.of());
        server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        server.setAgentFactory(null);
        CoreModuleProperties.WINDOW_SIZE.set(server, WINDOW_SIZE);
        CoreModuleProperties.IDLE_TIMEOUT.set(server, IDLE_TIMEOUT);
        CoreModuleProperties.AUTH_TIMEOUT.set(server, AUTH_TIMEOUT);
        CoreModuleProperties.MAX_CONCURRENT_CHANNELS.set(server, MAX_CHANNELS);
        CoreModuleProperties.SERVER_IDENTIFICATION.set(server, "Carrier");
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                String address = SshShell.address(session.getIoSession().getRemoteAddress());
                Optional<ConnectionLimit.Permit> permit = perAddress.tryAcquire(address);
                if (permit.isEmpty()) {
                    log.info("refused ssh from {}: too many connections from that address", address);
                    session.close(true);
                    return;
                }
                session.setAttribute(PERMIT, permit.get());
            }

            @Override
            public void sessionClosed(Session session) {
                ConnectionLimit.Permit permit = session.removeAttribute(PERMIT);
                if (permit != null) permit.close();
            }
        });
    }

    /** Binds the port. */
    public void start() throws IOException {
        server.start();
        log.info("ssh listening on {}:{}", config.bindHost(), port());
    }

    /** The port bound (the one asked for, or the free one found for 0). */
    public int port() {
        return server.getBoundAddresses().stream()
                .filter(InetSocketAddress.class::isInstance)
                .map(address -> ((InetSocketAddress) address).getPort())
                .findFirst()
                .orElse(server.getPort());
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
