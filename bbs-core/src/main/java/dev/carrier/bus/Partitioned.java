package dev.carrier.bus;

import java.util.List;

/**
 * State that each server owns a share of and every server merges (who is online where, who sits
 * in which room). A server changes only its own share and publishes each change as a fact
 * ({@code T}, naming its server); the others apply the facts as they arrive. The heartbeat carries
 * the whole share, so a server that joins late, or missed facts while its link was down, is put
 * right by {@link #reconcile}; a server that stops beating is dropped by {@link #serverGone}.
 *
 * @param <T> one fact of a share
 */
public interface Partitioned<T extends BusMessage> {

    /** This server's whole share, for its heartbeat. */
    List<T> ownShare();

    /** Replaces what is known of another server's share with its heartbeat's; ignored for this server. */
    void reconcile(String server, List<T> share);

    /** Another server stopped beating (or stopped cleanly): its share is gone, with the events that follow. */
    void serverGone(String server);
}
