package dev.carrier.events;

import dev.carrier.message.DirectMessage;
import dev.carrier.message.MessageSink;
import dev.carrier.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One JSON client's connection as the engine sees it: a connection of its user like any other
 * (it makes them online and has an inbox), with a bounded queue of outgoing frames. A client
 * that stops reading is disconnected when its queue overflows; it reconnects to a fresh
 * snapshot, and its messages wait in the store meanwhile.
 *
 * <p>Everything but {@link #enqueue} and the {@link MessageSink} methods runs on the sink's executor;
 * those hop onto it.
 */
public final class EventClient implements MessageSink {

    static final int MAX_QUEUED = 1000;

    private final User user;
    private final Optional<String> instanceId;
    private final EventSink sink;
    private final EventHub hub;
    private final Instant connectedAt;
    private final ArrayDeque<Frame> queue = new ArrayDeque<>();
    // Written on the sink's executor, read by the sysop's who and the stale sweep from any thread.
    private volatile Beacon beacon = Beacon.NONE;
    private volatile Instant lastBeaconAt;
    private final AtomicBoolean holdsSeat = new AtomicBoolean(true);
    private boolean draining;
    private boolean closed;

    EventClient(User user, Optional<String> instanceId, EventSink sink, EventHub hub, Instant connectedAt) {
        this.user = user;
        this.instanceId = instanceId;
        this.sink = sink;
        this.hub = hub;
        this.connectedAt = connectedAt;
    }

    /**
     * Lets go of this connection's seat under the node maximum, once: when it closes, or when a
     * new connection of the same instance takes the seat over. From any thread.
     *
     * @return whether it still held the seat
     */
    boolean giveUpSeat() {
        return holdsSeat.getAndSet(false);
    }

    /** A keepalive came: what the client said of itself replaces what it said before, field by field. */
    void beacon(Beacon news, Instant at) {
        Beacon old = beacon;
        beacon = new Beacon(news.client().or(old::client), news.version().or(old::version),
                news.deviceFamily().or(old::deviceFamily), news.lastInputSeconds());
        lastBeaconAt = at;
    }

    /** This connection as the sysop sees it; stale when it sent beacons and the last is older than {@code ttl}. */
    AppConnection view(Instant now, Duration ttl) {
        Optional<Instant> last = Optional.ofNullable(lastBeaconAt);
        return new AppConnection(user.handle(), instanceId, sink.address(), connectedAt, beacon, last,
                last.map(at -> Duration.between(at, now).compareTo(ttl) > 0).orElse(false));
    }

    public User user() {
        return user;
    }

    public String handle() {
        return user.handle();
    }

    /** Runs the task on this client's executor (from any thread), unless it has closed. */
    void execute(Runnable task) {
        sink.executor().execute(() -> {
            if (!closed) task.run();
        });
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

    /** A frame on its way out, and what to run once the transport has taken it (or null). */
    private record Frame(String json, Runnable sent) {}

    void send(ServerEvent event) {
        push(new Frame(hub.json().write(event), null));
    }

    /** From any thread: a frame already written, shared by every client that gets it. */
    void enqueue(String json) {
        enqueue(json, null);
    }

    /**
     * From any thread: a frame, and {@code sent} to run on the sink's executor once the
     * transport has taken it; never run if the connection closes first.
     */
    void enqueue(String json, Runnable sent) {
        sink.executor().execute(() -> push(new Frame(json, sent)));
    }

    void enqueue(ServerEvent event) {
        enqueue(hub.json().write(event));
    }

    void closeBecause(String reason) {
        sink.executor().execute(() -> {
            if (!closed) sink.close(reason);
        });
    }

    private void push(Frame frame) {
        if (closed) return;
        if (queue.isEmpty() && sink.writable()) {
            send(frame);
            return;
        }
        queue.add(frame);
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
        while (!closed && !queue.isEmpty() && sink.writable()) send(queue.poll());
        if (!closed && !queue.isEmpty()) {
            draining = true;
            sink.whenWritable(this::drain);
        }
    }

    private void send(Frame frame) {
        sink.send(frame.json());
        if (frame.sent() != null) frame.sent().run();
    }

    @Override
    public void direct(DirectMessage message, boolean mine, boolean ring, Runnable shown) {
        enqueue(hub.json().write(EventHub.newMessage(message, mine)), shown);
        if (ring) enqueue(new ServerEvent.Bell("dm"));
    }

    @Override
    public void paged(String from) {
        enqueue(new ServerEvent.Bell("page"));
    }
}
