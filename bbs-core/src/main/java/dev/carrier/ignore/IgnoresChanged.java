package dev.carrier.ignore;

import dev.carrier.bus.BusMessage;

/**
 * Someone's {@code /ignore} list changed in the store: every other server reads that owner's list
 * again, so the filter holds wherever the people it concerns are connected.
 *
 * @param owner  the owner's handle, lower-case
 * @param origin the {@link Ignores} that made the change, which already has it
 */
public record IgnoresChanged(String owner, String origin) implements BusMessage {
}
