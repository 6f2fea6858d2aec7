package dev.carrier.bus;

/**
 * A bus message that never leaves the server it was published on: what each server works out for
 * itself from the replicated facts (a person's merged presence, joins and leaves derived from room
 * seats, a server found gone). On a single server this changes nothing; a clustered bus delivers
 * it to the local subscribers only, in order with everything else it delivers.
 */
public interface LocalMessage extends BusMessage {
}
