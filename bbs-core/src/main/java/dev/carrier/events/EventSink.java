package dev.carrier.events;

import java.util.concurrent.Executor;

/**
 * The transport side of one JSON client (a WebSocket): text frames out, back-pressure, close.
 * Every method is called on {@link #executor()}.
 */
public interface EventSink {

    void send(String json);

    boolean writable();

    void whenWritable(Runnable task);

    Executor executor();

    /** Where the client connects from, as the sysop's who shows it. */
    default String address() {
        return "-";
    }

    /** Closes the connection, telling the client why. */
    void close(String reason);
}
