package dev.carrier.admin;

import dev.carrier.netty.OutputGuard;
import dev.carrier.netty.OutputLimits;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin endpoint that the carrier command talks to while the server runs: HTTP with JSON
 * answered to loopback peers only (and {@code GET /metrics} to the scrapers {@link AdminConfig} allows), each request carrying the token from {@code admin.json}
 * ({@link AdminProtocol} describes the requests). One event loop thread of its own; the work
 * itself runs on the server's worker pool.
 *
 * <p>Started once by the server's wiring and closed with it; {@link #port()} may be read from
 * any thread.
 */
public final class AdminEndpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AdminEndpoint.class);
    private static final long CLOSE_WAIT_SECONDS = 5;
    /** Requests are small JSON objects; a password is the largest thing in one. */
    static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final Path dataDir;
    private final AdminFile file;
    private final EventLoopGroup group;
    private final ChannelGroup connections = new DefaultChannelGroup("admin", GlobalEventExecutor.INSTANCE);
    private final List<Channel> listeners = new ArrayList<>();
    private final AdminConfig config;
    private volatile boolean closed;

    private AdminEndpoint(Path dataDir, AdminConfig config, AdminProtocol protocol, String version) {
        this.dataDir = dataDir;
        this.config = config;
        refuseIfAnotherServerRuns(dataDir);
        String token = AdminToken.generate();
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, OutputLimits.WATER_MARK)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        connections.add(ch);
                        if (closed) {
                            ch.close();
                            return;
                        }
                        ch.pipeline()
                                .addLast(OutputGuard.NAME, new OutputGuard(OutputLimits.defaults())) // a tail that stops reading
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES))
                                .addLast(new AdminHandler(token, protocol, config));
                    }
                });
        // The carrier command always finds the endpoint on loopback. A wildcard metrics address
        // covers loopback too; a specific one gets a second listener on the same port.
        InetAddress metricsAddress = address(config.bindHost());
        InetAddress first = metricsAddress.isAnyLocalAddress() ? metricsAddress : InetAddress.getLoopbackAddress();
        int port = bind(bootstrap, first, config.port());
        if (!first.equals(metricsAddress) && !metricsAddress.isLoopbackAddress()) bind(bootstrap, metricsAddress, port);
        file = new AdminFile(port, token, ProcessHandle.current().pid(), version);
        try {
            file.write(dataDir);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        log.info("admin endpoint on {}:{} (token in {})", first.getHostAddress(), port, AdminFile.path(dataDir));
        if (listeners.size() > 1) log.info("metrics also on {}:{}", metricsAddress.getHostAddress(), port);
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UncheckedIOException("cannot listen for metrics on " + host + ": unknown address;"
                    + " give --metrics-bind an address of this machine", e);
        }
    }

    private int bind(ServerBootstrap bootstrap, InetAddress address, int port) {
        ChannelFuture bind = bootstrap.bind(new InetSocketAddress(address, port)).awaitUninterruptibly();
        if (!bind.isSuccess()) {
            close();
            Throwable cause = bind.cause();
            throw new UncheckedIOException("cannot listen for the admin tools on " + address.getHostAddress() + ":"
                    + port + ": " + cause.getMessage() + "; choose another --admin-port",
                    cause instanceof IOException io ? io : new IOException(cause));
        }
        listeners.add(bind.channel());
        return ((InetSocketAddress) bind.channel().localAddress()).getPort();
    }

    /**
     * Listens on loopback and writes {@code admin.json}.
     *
     * @throws AdminException when another server already runs on this data folder
     * @throws UncheckedIOException when the port cannot be bound or the file not written
     */
    public static AdminEndpoint start(Path dataDir, AdminConfig config, AdminProtocol protocol, String version) {
        return new AdminEndpoint(dataDir, config, protocol, version);
    }

    /** Two servers on one data folder would fight over the database and the token file. */
    private static void refuseIfAnotherServerRuns(Path dataDir) {
        Optional<AdminFile> existing;
        try {
            existing = AdminFile.read(dataDir);
        } catch (AdminException e) {
            return; // unreadable or damaged: replaced below
        }
        if (existing.isPresent() && AdminConnector.answers(existing.get())) {
            throw new AdminException("another carrier server (process " + existing.get().pid()
                    + ") is running on the data folder " + dataDir);
        }
    }

    /** The loopback port listened on. */
    public int port() {
        return ((InetSocketAddress) listeners.get(0).localAddress()).getPort();
    }

    /** How the server's first row in {@code carrier who} lists this endpoint. */
    public String listener() {
        return "admin " + config.bindHost() + ":" + port();
    }

    /** Removes {@code admin.json}, then stops listening and closes every admin connection. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (file != null) file.delete(dataDir);
        for (Channel listener : listeners) listener.close().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        connections.close().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        group.shutdownGracefully(0, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        group.terminationFuture().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
