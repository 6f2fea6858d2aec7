package dev.carrier.telnet;

import dev.carrier.connection.ConnectionLimit;
import dev.carrier.netty.Listening;
import dev.carrier.netty.NettyTransport;
import dev.carrier.netty.PeerIp;
import dev.carrier.terminal.TerminalHost;
import dev.carrier.tls.AfterHandshake;
import dev.carrier.tls.TlsContext;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for telnet clients and hands each one, as a {@link TelnetTerminal}, to the engine.
 *
 * <p>Event loops either belong to the server (the two-argument constructor; they are shut down
 * by {@link #close()}) or are lent by the caller, so that the web transport can run on the same
 * threads; lent groups must use {@code NettyTransport}'s handlers and are left running.
 *
 * <p>{@link #start()} and {@link #close()} are meant for one controlling thread; {@link #port()}
 * and {@link #connectionCount()} may be read from any.
 */
public final class TelnetServer implements AutoCloseable {

    private static final long CLOSE_WAIT_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(TelnetServer.class);

    private final TelnetConfig config;
    private final TerminalHost host;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final boolean ownsGroups;
    private final ChannelGroup connections = new DefaultChannelGroup("telnet", GlobalEventExecutor.INSTANCE);
    private volatile ConnectionLimit limit = ConnectionLimit.none();
    private volatile Optional<TlsContext> tls = Optional.empty();
    private volatile Channel listener;
    private volatile int port = -1;
    private volatile boolean closed;

    /** A server with event loops of its own: one thread accepting, the default number working. */
    public TelnetServer(TelnetConfig config, TerminalHost host) {
        this(config, host,
                new MultiThreadIoEventLoopGroup(1, NettyTransport.ioHandlers()),
                new MultiThreadIoEventLoopGroup(NettyTransport.ioHandlers()),
                true);
    }

    /** A server on the caller's event loops (made with {@code NettyTransport.ioHandlers()}), which {@link #close()} leaves running. */
    public TelnetServer(TelnetConfig config, TerminalHost host, EventLoopGroup bossGroup, EventLoopGroup workerGroup) {
        this(config, host, bossGroup, workerGroup, false);
    }

    private TelnetServer(TelnetConfig config, TerminalHost host, EventLoopGroup bossGroup,
                         EventLoopGroup workerGroup, boolean ownsGroups) {
        this.config = Objects.requireNonNull(config, "config");
        this.host = Objects.requireNonNull(host, "host");
        this.bossGroup = Objects.requireNonNull(bossGroup, "bossGroup");
        this.workerGroup = Objects.requireNonNull(workerGroup, "workerGroup");
        this.ownsGroups = ownsGroups;
    }

    /**
     * Counts this server's connections in a limit per client address that other transports share;
     * a connection over the limit is told so and closed before any negotiation. Call before
     * {@link #start()}; without it there is no limit.
     */
    public TelnetServer limitConnections(ConnectionLimit sharedLimit) {
        if (listener != null) throw new IllegalStateException("set the connection limit before start()");
        this.limit = Objects.requireNonNull(sharedLimit, "sharedLimit");
        return this;
    }

    /**
     * Speaks telnet inside TLS from the first byte (telnets, port 992 by convention, as SyncTERM
     * and NetRunner call it): the handshake first, then negotiation. Call before {@link #start()}.
     */
    public TelnetServer secure(TlsContext context) {
        if (listener != null) throw new IllegalStateException("turn TLS on before start()");
        this.tls = Optional.of(context);
        return this;
    }

    /** {@code telnets} behind TLS, else {@code telnet}: in the log, errors and the who list. */
    private String name() {
        return tls.isPresent() ? "telnets" : "telnet";
    }

    /**
     * Binds and starts accepting connections.
     *
     * @return the port listened on, which is the free port chosen when the configured one is 0
     * @throws IOException when the address cannot be bound (in use, not local, no permission)
     */
    public int start() throws IOException {
        if (closed) throw new IllegalStateException("this telnet server was closed; make a new one");
        if (listener != null) throw new IllegalStateException("this telnet server is already started on port " + port);
        TelnetChannelInitializer pipeline = new TelnetChannelInitializer(config, host, name());
        ServerBootstrap bootstrap = Listening.bootstrap(bossGroup, workerGroup, connections, () -> closed, ch -> {
            // TLS first, so that even the refusal below reaches the client readable.
            tls.ifPresent(context -> ch.pipeline().addLast(TlsContext.HANDLER_NAME, context.newHandler(ch.alloc())));
            if (!admit(ch)) return;
            ch.pipeline().addLast(tls.isPresent() ? new AfterHandshake("telnetPipeline", pipeline) : pipeline);
        });
        listener = Listening.bind(bootstrap, config.bindHost(), config.port(), name());
        port = ((InetSocketAddress) listener.localAddress()).getPort();
        log.info("{} listening on {}:{}", name(), config.bindHost(), port);
        return port;
    }

    /** Takes a place in the per-address limit for the connection, or refuses it with a line of text. */
    private boolean admit(Channel ch) {
        String address = PeerIp.of(ch.remoteAddress());
        Optional<ConnectionLimit.Permit> permit = limit.tryAcquire(address);
        if (permit.isEmpty()) {
            log.info("refused {} from {}: {} connections from that address already", name(), address, limit.perAddress());
            String line = "\r\nToo many connections from your address (" + limit.perAddress()
                    + " at most). Close one and call again.\r\n";
            ch.writeAndFlush(Unpooled.copiedBuffer(line, StandardCharsets.US_ASCII)).addListener(ChannelFutureListener.CLOSE);
            return false;
        }
        ch.closeFuture().addListener(closed -> permit.get().close());
        return true;
    }

    /** The port listened on, or -1 before {@link #start()}. */
    public int port() {
        return port;
    }

    /** Output waiting for this server's clients to read it, in bytes; from any thread. */
    public long pendingOutputBytes() {
        return Listening.pendingOutputBytes(connections);
    }

    /** Connections open now. */
    public int connectionCount() {
        return connections.size();
    }

    /** Accepts no more connections; those open stay until {@link #close()}. For a graceful stop. */
    public void stopListening() {
        Channel l = listener;
        if (l != null) l.close().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Stops listening, flushes and closes every connection (each session hears its hang-up), and
     * shuts down the event loops if this server made them. Waits a few seconds at most; calling
     * it again does nothing.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        Channel l = listener;
        if (l != null) l.close().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        connections.writeAndFlush(Unpooled.EMPTY_BUFFER).awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        connections.close().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        if (ownsGroups) {
            // No quiet period: nothing new can arrive once the listener and connections are closed.
            bossGroup.shutdownGracefully(0, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            workerGroup.shutdownGracefully(0, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            bossGroup.terminationFuture().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            workerGroup.terminationFuture().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        if (l != null) log.info("{} stopped listening on {}:{}", name(), config.bindHost(), port);
    }
}
