package dev.carrier.chat;

import dev.carrier.terminal.SharedText;
import java.time.Duration;
import java.util.concurrent.Executor;

/** A chat participant's screen, as its forwarder sees it. All calls come on {@link #executor()}. */
public interface Viewer {

    Executor executor();

    /** False while the transport's buffer is full: the forwarder then waits, queueing. */
    boolean writable();

    void whenWritable(Runnable task);

    /** Shows one room line; {@code text} is the same bytes for every viewer of the same form. */
    void show(ChatEvent event, SharedText text);

    /** Lines were dropped because this viewer read too slowly. */
    void missed(int lines);

    /**
     * The reader took nothing for {@code stalled} while lines waited: it is hung up on at once,
     * without waiting for what it never reads. {@code missed} lines were dropped for it.
     */
    void hangUp(int missed, Duration stalled);
}
