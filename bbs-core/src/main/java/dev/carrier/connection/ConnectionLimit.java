package dev.carrier.connection;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many connections one client address may hold at once, counted over every transport: a
 * caller with three telnet sessions and five browser tabs has eight. One instance is shared by the
 * transports; each asks for a {@link Permit} when a connection arrives and closes it when the
 * connection ends.
 *
 * <p>Thread-safe: the counts live in a {@link ConcurrentHashMap} whose per-address updates are
 * atomic, and an address leaves the map when its last connection ends.
 */
public final class ConnectionLimit {

    /** Enough for a family behind one router, too few to exhaust the nodes from one machine. */
    public static final int DEFAULT_PER_ADDRESS = 8;

    private final int perAddress;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

    /** @param perAddress connections allowed per address; 0 means no limit */
    public ConnectionLimit(int perAddress) {
        if (perAddress < 0) {
            throw new IllegalArgumentException("connections per address must be 0 (no limit) or more, was " + perAddress);
        }
        this.perAddress = perAddress;
    }

    /** No limit at all: every connection is admitted (counts are still kept). */
    public static ConnectionLimit none() {
        return new ConnectionLimit(0);
    }

    /** Connections allowed per address; 0 means no limit. */
    public int perAddress() {
        return perAddress;
    }

    /** A permit for one more connection from {@code address}, or empty when it already has its share. */
    public Optional<Permit> tryAcquire(String address) {
        Objects.requireNonNull(address, "address");
        AtomicBoolean admitted = new AtomicBoolean();
        open.compute(address, (key, count) -> {
            int current = count == null ? 0 : count;
            if (perAddress > 0 && current >= perAddress) return count;
            admitted.set(true);
            return current + 1;
        });
        return admitted.get() ? Optional.of(new Permit(address)) : Optional.empty();
    }

    /** Connections open now from {@code address}. */
    public int openFrom(String address) {
        return open.getOrDefault(address, 0);
    }

    private void release(String address) {
        open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
    }

    /** One admitted connection; closing it (once or more) gives its place back. */
    public final class Permit implements AutoCloseable {

        private final String address;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Permit(String address) {
            this.address = address;
        }

        public String address() {
            return address;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) release(address);
        }
    }
}
