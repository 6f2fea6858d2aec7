package dev.carrier.cluster;

/**
 * How a server is, as its beat says.
 *
 * @param callers its connections (nodes and JSON clients)
 * @param linked  whether its bus reached the others when it beat
 */
public record ServerHealth(int callers, String version, boolean linked) {}
