package dev.carrier.cluster;

/**
 * One connection as the sysop's {@code who} shows it, on whichever server it is.
 *
 * @param node        the node number, or null for a JSON client (it holds none)
 * @param handle      null before login
 * @param transport   telnet, ssh, web or json
 * @param since       when it connected, ISO-8601 UTC
 * @param status      online, away or dnd; login before
 * @param client      the terminal type or the JSON client's name, or null
 */
public record ClusterCaller(String server, Integer node, String handle, String transport, String address,
        String since, String status, String client, long idleSeconds) {}
