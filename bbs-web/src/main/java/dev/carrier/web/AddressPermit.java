package dev.carrier.web;

import dev.carrier.connection.ConnectionLimit;
import io.netty.util.AttributeKey;
import java.util.Objects;
import java.util.Optional;

/**
 * A web connection's place in the per-address limit. A connection straight from a client takes
 * its place by the peer's address when it is accepted. A connection from a trusted proxy carries
 * many clients' requests one after another, so it takes its place by the forwarded address at
 * each request (and so at the upgrade), moving to a new address when the proxy's next request is
 * for another client: one place per connection, always the current client's.
 *
 * <p>One per connection, used on its event loop (the close listener that releases it runs there too).
 */
final class AddressPermit {

    /** Where a connection keeps its permit. */
    static final AttributeKey<AddressPermit> KEY = AttributeKey.valueOf(AddressPermit.class, "permit");

    private final ConnectionLimit limit;
    private ConnectionLimit.Permit held;

    AddressPermit(ConnectionLimit limit) {
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    /** Whether the connection has (or now takes) a place for {@code address}. */
    boolean admit(String address) {
        if (held != null && held.address().equals(address)) return true;
        Optional<ConnectionLimit.Permit> permit = limit.tryAcquire(address);
        if (permit.isEmpty()) return false;
        release();
        held = permit.get();
        return true;
    }

    boolean holds() {
        return held != null;
    }

    int perAddress() {
        return limit.perAddress();
    }

    /** The connection closed: its place is free. */
    void release() {
        ConnectionLimit.Permit p = held;
        if (p != null) p.close();
    }
}
