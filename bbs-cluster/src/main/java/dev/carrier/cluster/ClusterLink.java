package dev.carrier.cluster;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This server's one connection to NATS. It reconnects for as long as the server runs (a
 * restarted NATS is found again without restarting Carrier) and logs each change of state once,
 * not every attempt. Nothing is buffered while the link is down: a publish then fails at once, so
 * the bus can deliver locally instead of sending a stale burst after the reconnect.
 *
 * <p>Thread rule: any thread; the client library runs its own reader, writer and listener threads.
 */
public final class ClusterLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterLink.class);
    /** Short, so callers on other servers hear this one again soon after NATS is back. */
    static final Duration RECONNECT_WAIT = Duration.ofMillis(500);

    private final Connection connection;
    private final AtomicReference<String> lastLogged = new AtomicReference<>("");
    private final List<Runnable> relinked = new CopyOnWriteArrayList<>();
    /** Runs what must be redone after a reconnect off the library's listener thread, one at a time. */
    private final ExecutorService relinking = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cluster-relink");
        thread.setDaemon(true);
        return thread;
    });

    private ClusterLink(String url, String server) {
        Options options = Options.builder()
                .server(url)
                .connectionName("carrier " + server)
                .maxReconnects(-1)
                .reconnectWait(RECONNECT_WAIT)
                .reconnectBufferSize(0)
                .connectionListener(this::changed)
                .errorListener(new QuietErrors())
                .build();
        try {
            connection = Nats.connect(options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach NATS at " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to NATS at " + url, e);
        }
    }

    /**
     * Connects, failing at once when NATS cannot be reached at start (a server that starts without
     * its cluster would serve a BBS of its own); later losses are reconnected to without end.
     */
    public static ClusterLink connect(String url, String server) {
        return new ClusterLink(url, server);
    }

    /**
     * Runs {@code redo} after each reconnect (not the first connect), on a thread of its own: a
     * NATS that came back empty needs the stream made again.
     */
    void onRelinked(Runnable redo) {
        relinked.add(redo);
    }

    /** Whether NATS is reachable now. */
    public boolean linked() {
        return connection.getStatus() == Connection.Status.CONNECTED;
    }

    JetStream jetStream() {
        try {
            return connection.jetStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JetStreamManagement management() {
        try {
            return connection.jetStreamManagement();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Connection connection() {
        return connection;
    }

    private void changed(Connection conn, ConnectionListener.Events event) {
        if (event == ConnectionListener.Events.RECONNECTED) relinked.forEach(relinking::execute);
        String state = switch (event) {
            case CONNECTED, RECONNECTED -> "linked";
            case DISCONNECTED -> "unlinked";
            case CLOSED -> "closed";
            default -> null;
        };
        if (state == null || lastLogged.getAndSet(state).equals(state)) return;
        switch (state) {
            case "linked" -> log.info("cluster link up: {}", conn.getConnectedUrl());
            case "unlinked" -> log.warn("cluster link down: other servers cannot hear this one; reconnecting");
            default -> log.info("cluster link closed");
        }
    }

    @Override
    public void close() {
        relinking.shutdownNow();
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The library reports every failed reconnect attempt; the state changes above say enough. */
    private static final class QuietErrors implements io.nats.client.ErrorListener {
        @Override
        public void errorOccurred(Connection conn, String error) {
            log.debug("cluster link: {}", error);
        }

        @Override
        public void exceptionOccurred(Connection conn, Exception exp) {
            log.debug("cluster link: {}", exp.toString());
        }
    }
}
