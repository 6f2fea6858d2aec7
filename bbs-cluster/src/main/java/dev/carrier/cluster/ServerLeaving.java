package dev.carrier.cluster;

import dev.carrier.bus.BusMessage;
import java.time.Instant;

/** A server stops cleanly: the others drop it and its callers at once instead of after the TTL. */
public record ServerLeaving(String server, Instant started) implements BusMessage {}
