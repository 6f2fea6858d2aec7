package dev.carrier.cluster;

import dev.carrier.bus.Bus;
import dev.carrier.bus.BusMessage;
import dev.carrier.bus.Partitioned;
import dev.carrier.bus.SerialDrain;
import dev.carrier.chat.RoomSeat;
import dev.carrier.presence.PresencePart;
import dev.carrier.runtime.Scheduler;
import dev.carrier.store.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The other servers of the cluster, as their heartbeats tell. Every quarter of the TTL this server
 * beats ({@link ServerBeat}: its shares, callers and health) and sweeps; on another server's beat the
 * view hands that server's shares to {@link Partitioned#reconcile}, and when a server has not beaten
 * for three quarters of the TTL (by this server's clock: the clocks of two machines need not agree;
 * three beats missed, and a dead server is dropped within the TTL of its death), or says it is
 * leaving, to {@link Partitioned#serverGone}, so its callers go offline here. A beat under a known
 * name with a new {@code started} is a restart: the old run is gone, then the new one is known.
 *
 * <p>Thread rule: beats arrive on the bus's delivering thread and sweeps on {@code workers}; both
 * only queue a step into one {@link SerialDrain}, so the steps run one at a time, in order, with
 * no lock held (a step calls {@code Presence} and {@code ChatManager}, which take their own locks
 * and publish). The timer only hands work to {@code workers}. What the sysop reads
 * ({@link #servers()}) is a concurrent map of immutable records.
 */
public final class ClusterView implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterView.class);

    /** What this server contributes to its beat, read when it beats. */
    public record Sources(Partitioned<PresencePart> presence, Partitioned<RoomSeat> seats,
            Supplier<List<ClusterCaller>> callers, Supplier<ServerHealth> health) {}

    /** Another server as last heard, by this server's clock. */
    public record Known(String server, Instant started, Instant heardAt, ServerBeat beat) {

        public Duration age(Instant now) {
            return Duration.between(heardAt, now);
        }
    }

    private final String server;
    private final Instant started;
    private final Bus bus;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Executor workers;
    private final Duration ttl;
    private final Sources sources;
    private final SerialDrain<Runnable> steps = new SerialDrain<>(Runnable::run);
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Scheduler.Cancellable timer;
    private Bus.Subscription subscription;

    public ClusterView(String server, Instant started, Bus bus, Clock clock, Scheduler scheduler, Executor workers,
            Duration ttl, Sources sources) {
        this.server = server;
        this.started = started;
        this.bus = bus;
        this.clock = clock;
        this.scheduler = scheduler;
        this.workers = workers;
        this.ttl = ttl;
        this.sources = sources;
    }

    /** Listens for the others and beats at once, so they know this server without waiting a period. */
    public synchronized void start() {
        if (running) return;
        running = true;
        subscription = bus.subscribe(this::heard);
        workers.execute(this::tick);
    }

    public String server() {
        return server;
    }

    public Instant started() {
        return started;
    }

    public Duration ttl() {
        return ttl;
    }

    /** The other servers heard from within the TTL, by name. */
    public List<Known> servers() {
        List<Known> all = new ArrayList<>(known.values());
        all.sort(Comparator.comparing(Known::server));
        return all;
    }

    /** The callers of the other servers, from their latest beats. */
    public List<ClusterCaller> callersElsewhere() {
        List<ClusterCaller> all = new ArrayList<>();
        for (Known other : servers()) all.addAll(other.beat().callers());
        return all;
    }

    /** The cluster as {@code /health} shows it: whether this server's link is up, and every server. */
    public record Report(boolean linked, List<ServerState> servers) {}

    public Report report() {
        List<ServerState> all = states();
        return new Report(all.get(0).linked(), all);
    }

    /** This server first, from its own sources now, then the others as last heard. */
    public List<ServerState> states() {
        Instant now = clock.instant();
        ServerHealth own = sources.health().get();
        List<ServerState> all = new ArrayList<>();
        all.add(new ServerState(server, own.version(), Timestamps.format(started), own.callers(), 0, own.linked()));
        for (Known other : servers()) {
            ServerHealth health = other.beat().health();
            all.add(new ServerState(other.server(), health.version(), Timestamps.format(other.started()),
                    health.callers(), Math.max(0, other.age(now).toSeconds()), health.linked()));
        }
        return all;
    }

    private void heard(BusMessage message) {
        if (message instanceof ServerBeat beat && !beat.server().equals(server)) {
            Instant heardAt = clock.instant();
            steps.offer(() -> onBeat(beat, heardAt));
        } else if (message instanceof ServerLeaving leaving && !leaving.server().equals(server)) {
            steps.offer(() -> onLeaving(leaving));
        }
    }

    private void onBeat(ServerBeat beat, Instant heardAt) {
        Known before = known.get(beat.server());
        if (before != null && !before.started().equals(beat.started())) {
            if (beat.started().isBefore(before.started())) return; // a late beat of the run before
            log.info("server {} restarted", beat.server());
            gone(beat.server());
        } else if (before == null) {
            log.info("server {} joined the cluster", beat.server());
        }
        known.put(beat.server(), new Known(beat.server(), beat.started(), heardAt, beat));
        sources.presence().reconcile(beat.server(), beat.presence());
        sources.seats().reconcile(beat.server(), beat.seats());
    }

    private void onLeaving(ServerLeaving leaving) {
        Known before = known.get(leaving.server());
        if (before == null || !before.started().equals(leaving.started())) return;
        log.info("server {} left the cluster", leaving.server());
        gone(leaving.server());
    }

    private void sweep() {
        Instant now = clock.instant();
        for (Known other : List.copyOf(known.values())) {
            if (other.age(now).compareTo(silence()) > 0 && known.remove(other.server(), other)) {
                log.warn("server {} has not been heard for {}s: its callers are offline", other.server(),
                        other.age(now).toSeconds());
                gone(other.server());
            }
        }
    }

    /** A server silent this long is gone: with a sweep every quarter TTL, it is dropped within the TTL. */
    private Duration silence() {
        return ttl.multipliedBy(3).dividedBy(4);
    }

    private void gone(String other) {
        known.remove(other);
        sources.presence().serverGone(other);
        sources.seats().serverGone(other);
    }

    /** On the workers: beat, sweep, and set the next tick. */
    private void tick() {
        if (!running) return;
        try {
            bus.publish(new ServerBeat(server, started, clock.instant(), sources.presence().ownShare(),
                    sources.seats().ownShare(), sources.callers().get(), sources.health().get()));
        } catch (RuntimeException e) {
            log.warn("could not beat", e);
        }
        steps.offer(this::sweep);
        synchronized (this) {
            if (running) timer = scheduler.schedule(ttl.dividedBy(4), () -> workers.execute(this::tick));
        }
    }

    /** Says this server is leaving, so the others drop it at once; then stops listening. */
    @Override
    public void close() {
        synchronized (this) {
            if (!running) return;
            running = false;
            if (timer != null) timer.cancel();
            if (subscription != null) subscription.cancel();
        }
        bus.publish(new ServerLeaving(server, started));
    }
}
