package dev.carrier.message;

import dev.carrier.bus.BusMessage;

/**
 * A direct message on its way, published once it is stored (or, when the recipient ignores the
 * sender, instead of storing it). Every server hands it to its own open sinks of the recipient and
 * of the sender, so the people it concerns see it on whichever server they are connected to.
 *
 * @param message         as stored: waiting, unless {@code ignored}
 * @param ignored         the recipient ignores the sender: only the sender's connections see it,
 *                        as if delivered
 * @param recipientOnline whether the recipient was online anywhere when it was sent: the sender's
 *                        connections then show it delivered
 */
public record DirectMessagePosted(DirectMessage message, boolean ignored, boolean recipientOnline)
        implements BusMessage {
}
