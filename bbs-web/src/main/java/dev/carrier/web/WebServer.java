package dev.carrier.web;

import dev.carrier.connection.ConnectionLimit;
import dev.carrier.netty.Listening;
import dev.carrier.netty.NettyTransport;
import dev.carrier.netty.PeerIp;
import dev.carrier.terminal.TerminalHost;
import dev.carrier.tls.TlsContext;
import dev.carrier.tls.TlsOrPlain;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for browsers: serves the terminal page and {@code /health}, and hands each
 * {@code /terminal} WebSocket (as a {@link WebTerminal}) and each {@code /telnet} WebSocket (as
 * the telnet transport's terminal) to the engine.
 *
 * <p>Event loops either belong to the server (they are shut down by {@link #close()}) or are lent
 * by the caller, so that telnet and web share threads; lent groups must use {@code NettyTransport}'s handlers and are left
 * running.
 *
 * <p>{@link #start()}, {@link #goingAway()} and {@link #close()} are meant for one controlling
 * thread; {@link #port()} and {@link #connectionCount()} may be read from any.
 */
public final class WebServer implements AutoCloseable {

    private static final long CLOSE_WAIT_SECONDS = 5;
    /** How long a connection over the per-address limit may take to send the request that gets its 429. */
    private static final long REFUSED_GRACE_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    private final WebConfig config;
    private final TerminalHost host;
    private final IntSupplier nodesInUse;
    private final ConnectionLimit limit;
    private final StaticFiles files;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final boolean ownsGroups;
    private final ChannelGroup connections = new DefaultChannelGroup("web", GlobalEventExecutor.INSTANCE);
    private volatile Channel listener;
    private volatile int port = -1;
    private volatile boolean goingDown;
    private volatile boolean closed;
    private Optional<SysopDesk> sysopDesk = Optional.empty();
    private Optional<ApiServices> api = Optional.empty();
    private Optional<TlsContext> tls = Optional.empty();
    private Health.Server server = Health.Server.ALONE;

    /**
     * A server with event loops of its own.
     *
     * @param nodesInUse what {@code /health} reports as {@code nodes}
     * @param limit      the per-address limit, shared with the other transports
     */
    public WebServer(WebConfig config, TerminalHost host, IntSupplier nodesInUse, ConnectionLimit limit) {
        this(config, host, nodesInUse, limit,
                new MultiThreadIoEventLoopGroup(1, NettyTransport.ioHandlers()),
                new MultiThreadIoEventLoopGroup(NettyTransport.ioHandlers()),
                true);
    }

    /** A server on the caller's event loops (made with {@code NettyTransport.ioHandlers()}), which {@link #close()} leaves running. */
    public WebServer(WebConfig config, TerminalHost host, IntSupplier nodesInUse, ConnectionLimit limit,
                     EventLoopGroup bossGroup, EventLoopGroup workerGroup) {
        this(config, host, nodesInUse, limit, bossGroup, workerGroup, false);
    }

    private WebServer(WebConfig config, TerminalHost host, IntSupplier nodesInUse, ConnectionLimit limit,
                      EventLoopGroup bossGroup, EventLoopGroup workerGroup, boolean ownsGroups) {
        this.config = Objects.requireNonNull(config, "config");
        this.host = Objects.requireNonNull(host, "host");
        this.nodesInUse = Objects.requireNonNull(nodesInUse, "nodesInUse");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.bossGroup = Objects.requireNonNull(bossGroup, "bossGroup");
        this.workerGroup = Objects.requireNonNull(workerGroup, "workerGroup");
        this.ownsGroups = ownsGroups;
        StaticFiles loaded;
        try {
            loaded = StaticFiles.load(); // a jar without the page should not start
        } catch (RuntimeException e) {
            if (ownsGroups) shutDownGroups();
            throw e;
        }
        this.files = loaded;
    }

    /** Serves the JSON surface too: {@code /events} and {@code /api}. Call before {@link #start()}. */
    public WebServer serveApi(ApiServices services) {
        api = Optional.of(services);
        return this;
    }

    /** Serves the sysop dashboard ({@code /sysop}) over this desk; needs {@link #serveApi}. Call before {@link #start()}. */
    public WebServer serveSysopDesk(SysopDesk desk) {
        sysopDesk = Optional.of(desk);
        return this;
    }

    /** Names this server in {@code /health}, with its cluster's state when it is one of several. Call before {@link #start()}. */
    public WebServer reportServer(String name, Supplier<Optional<Object>> cluster) {
        server = new Health.Server(name, cluster);
        return this;
    }

    /**
     * Serves HTTPS and WSS instead of HTTP and WS, with the context's certificate at each new
     * connection; with {@code redirectHttp} a plain-HTTP request on the port is redirected to
     * https (see {@link HttpsRedirect}), else it fails the handshake. Call before {@link #start()}.
     */
    public WebServer secure(TlsContext context) {
        if (listener != null) throw new IllegalStateException("turn TLS on before start()");
        tls = Optional.of(context);
        return this;
    }

    /**
     * Binds and starts accepting connections.
     *
     * @return the port listened on, which is the free port chosen when the configured one is 0
     * @throws IOException when the address cannot be bound (in use, not local, no permission)
     */
    public int start() throws IOException {
        if (closed) throw new IllegalStateException("this web server was closed; make a new one");
        if (listener != null) throw new IllegalStateException("this web server is already started on port " + port);
        HttpRouter router = new HttpRouter(config, new WebSocketUpgrade(config, host, () -> goingDown, api),
                new Health(nodesInUse, tls, server), new StaticPage(files), api.map(services -> new ApiRouter(services, sysopDesk)));
        WebChannelInitializer pipeline = new WebChannelInitializer(config, router);
        HttpsRedirect redirect = new HttpsRedirect(config);
        ServerBootstrap bootstrap = Listening.bootstrap(bossGroup, workerGroup, connections, () -> closed, ch -> {
            admit(ch);
            if (tls.isEmpty()) {
                ch.pipeline().addLast(pipeline);
            } else if (tls.get().config().redirectHttp()) {
                ch.pipeline().addLast(TlsOrPlain.NAME, new TlsOrPlain(tls.get(), "web", pipeline, redirect));
            } else {
                ch.pipeline().addLast(TlsContext.HANDLER_NAME, tls.get().newHandler(ch.alloc())).addLast(pipeline);
            }
        });
        listener = Listening.bind(bootstrap, config.bindHost(), config.port(), "the web server");
        port = ((InetSocketAddress) listener.localAddress()).getPort();
        log.info("web listening on {}:{} ({})", config.bindHost(), port, tls.isPresent() ? "https" : "http");
        return port;
    }

    /**
     * Counts the connection in the per-address limit by its peer, unless the peer is a trusted
     * proxy: then each request counts for the client it names (see {@link AddressPermit}). A
     * connection over the limit has its first request answered 429; one that sends none is closed
     * after a short grace.
     */
    private void admit(Channel ch) {
        AddressPermit permit = new AddressPermit(limit);
        ch.attr(AddressPermit.KEY).set(permit);
        ch.closeFuture().addListener(closed -> permit.release());
        if (config.proxy().trusts(ch.remoteAddress())) return;
        String address = PeerIp.of(ch.remoteAddress());
        if (!permit.admit(address)) {
            ch.eventLoop().schedule(() -> {
                if (!permit.holds()) ch.close();
            }, REFUSED_GRACE_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** The port listened on, or -1 before {@link #start()}. */
    public int port() {
        return port;
    }

    /** Output waiting for this server's clients to read it, in bytes; from any thread. */
    public long pendingOutputBytes() {
        return Listening.pendingOutputBytes(connections);
    }

    /** Connections open now, HTTP and WebSocket alike. */
    public int connectionCount() {
        return connections.size();
    }

    /** Accepts no more connections; those open stay until {@link #close()}. For a graceful stop. */
    public void stopListening() {
        Channel l = listener;
        if (l != null) l.close().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * The server is about to go down: from now on a closing WebSocket tells its page 1001 (going
     * away) rather than 1000 (session over), so the page calls again by itself. Call before the
     * engine hangs up on everyone; {@link #close()} implies it.
     */
    public void goingAway() {
        goingDown = true;
    }

    /**
     * Stops listening, closes every connection (each session hears its hang-up; pages hear 1001),
     * and shuts down the event loops if this server made them. Waits a few seconds at most;
     * calling it again does nothing.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        goingDown = true;
        Channel l = listener;
        if (l != null) l.close().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        connections.close().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        if (ownsGroups) shutDownGroups();
        if (l != null) log.info("web stopped listening on {}:{}", config.bindHost(), port);
    }

    private void shutDownGroups() {
        // No quiet period: nothing new can arrive once the listener and connections are closed.
        bossGroup.shutdownGracefully(0, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        workerGroup.shutdownGracefully(0, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        bossGroup.terminationFuture().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        workerGroup.terminationFuture().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
