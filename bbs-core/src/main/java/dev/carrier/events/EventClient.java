package dev.carrier.events;

import dev.carrier.message.DirectMessage;
import dev.carrier.message.Inbox;
import dev.carrier.user.User;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * One JSON client's connection as the engine sees it: a connection of its user like any other
 * (it makes them online and has an inbox), with a bounded queue of outgoing frames. A client
 * that stops reading is disconnected when its queue overflows; it reconnects to a fresh
 * snapshot, and its messages wait in the store meanwhile.
 *
 * <p>Everything but {@link #enqueue} and the {@link Inbox} methods runs on the sink's executor;
 * those hop onto it.
 */
public final class EventClient implements Inbox {

    static final int MAX_QUEUED = 1000;

    private final User user;
    private final Optional<String> instanceId;
    private final EventSink sink;
    private final EventHub hub;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean draining;
    private boolean closed;

    EventClient(User user, Optional<String> instanceId, EventSink sink, EventHub hub) {
        this.user = user;
        this.instanceId = instanceId;
        this.sink = sink;
        this.hub = hub;
    }

    public User user() {
        return user;
    }

    public String handle() {
        return user.handle();
    }

    Optional<String> instanceId() {
        return instanceId;
    }

    /** A text frame from the client. */
    public void receive(String frame) {
        if (closed) return;
        try {
            hub.handle(this, hub.json().read(frame));
        } catch (EventJson.BadFrame bad) {
            send(bad.toEvent());
        }
    }

    /** The transport's connection is gone; called once, on the sink's executor. */
    public void closed() {
        if (closed) return;
        closed = true;
        queue.clear();
        hub.disconnected(this);
    }

    void send(ServerEvent event) {
        push(hub.json().write(event));
    }

    /** From any thread: a frame already written, shared by every client that gets it. */
    void enqueue(String json) {
        sink.executor().execute(() -> push(json));
    }

    void enqueue(ServerEvent event) {
        enqueue(hub.json().write(event));
    }

    void closeBecause(String reason) {
        sink.executor().execute(() -> {
            if (!closed) sink.close(reason);
        });
    }

    private void push(String json) {
        if (closed) return;
        if (queue.isEmpty() && sink.writable()) {
            sink.send(json);
            return;
        }
        queue.add(json);
        if (queue.size() > MAX_QUEUED) {
            queue.clear();
            sink.close("too slow: more than " + MAX_QUEUED + " events waiting; reconnect to catch up");
            return;
        }
        if (!draining) {
            draining = true;
            sink.whenWritable(this::drain);
        }
    }

    private void drain() {
        draining = false;
        while (!closed && !queue.isEmpty() && sink.writable()) sink.send(queue.poll());
        if (!closed && !queue.isEmpty()) {
            draining = true;
            sink.whenWritable(this::drain);
        }
    }

    @Override
    public void direct(DirectMessage message, boolean mine, boolean ring) {
        enqueue(EventHub.newMessage(message, mine));
        if (ring) enqueue(new ServerEvent.Bell("dm"));
    }

    @Override
    public void paged(String from) {
        enqueue(new ServerEvent.Bell("page"));
    }
}
