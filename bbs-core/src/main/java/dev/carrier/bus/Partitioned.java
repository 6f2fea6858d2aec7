package dev.carrier.bus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * State that each server owns a share of and every server merges (who is online where, who sits
 * in which room). A server changes only its own share and publishes each change as a fact
 * ({@code T}, naming its server); the others apply the facts as they arrive. The heartbeat carries
 * the whole share, so a server that joins late, or missed facts while its link was down, is put
 * right by {@link #reconcile}; a server that stops beating is dropped by {@link #serverGone}.
 *
 * <p>Facts and shares are numbered by their server: each fact carries the number it was published
 * under, and a share the number of the last fact published before it was taken. A share is taken
 * on a worker and may reach the bus after a fact published meanwhile; a receiver that has already
 * applied a fact numbered above the share's ignores the share, which would undo it.
 *
 * @param <T> one fact of a share
 */
public interface Partitioned<T extends BusMessage> {

    /** A server's whole share, as of its fact numbered {@code version}. */
    record Share<T>(long version, List<T> facts) {
        public Share {
            facts = List.copyOf(facts);
        }
    }

    /**
     * The numbering above, for one kind of share: this server's facts, and the last number applied
     * of each other server's. Not thread-safe: its owner holds it under its own lock.
     */
    final class Numbers {
        private long mine;
        private final Map<String, Long> heard = new HashMap<>();

        /** The number for this server's next fact. */
        public long next() {
            return ++mine;
        }

        /** The number of this server's last fact: what a share taken now carries. */
        public long last() {
            return mine;
        }

        /** A fact of {@code server} numbered {@code version} was applied. */
        public void applied(String server, long version) {
            heard.put(server, version);
        }

        /**
         * Whether {@code server}'s share may replace what is known of it: false when it was taken
         * before a fact of that server already applied here, which it would undo. A share taken
         * is remembered as applied.
         */
        public boolean takes(String server, Share<?> share) {
            Long last = heard.get(server);
            if (last != null && share.version() < last) return false;
            heard.put(server, share.version());
            return true;
        }

        /** {@code server} is gone: a restart under its name numbers afresh. */
        public void forget(String server) {
            heard.remove(server);
        }
    }

    /** This server's whole share, for its heartbeat. */
    Share<T> ownShare();

    /**
     * Replaces what is known of another server's share with its heartbeat's, unless a later fact
     * of that server was applied already; ignored for this server.
     */
    void reconcile(String server, Share<T> share);

    /** Another server stopped beating (or stopped cleanly): its share is gone, with the events that follow. */
    void serverGone(String server);
}
