package dev.carrier.sysop;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What one kick hung up on this server: terminal nodes, and JSON connections (which hold no node
 * number); and whether the person was also connected to other servers, which hang up their own.
 *
 * @param nodes     the nodes, in order
 * @param apps      how many JSON connections were closed
 * @param elsewhere the person had connections on other servers too
 */
public record Kick(List<Integer> nodes, int apps, boolean elsewhere) {

    public Kick {
        nodes = List.copyOf(nodes);
    }

    /** A kick on one server only. */
    public Kick(List<Integer> nodes, int apps) {
        this(nodes, apps, false);
    }

    /**
     * {@code (node 3)}, {@code (nodes 1, 2 and 1 app connection)}, {@code (2 app connections)},
     * {@code (node 3, and on other servers)}, {@code (on other servers)}.
     */
    public String describe() {
        String terminals = nodes.isEmpty() ? "" : (nodes.size() == 1 ? "node " : "nodes ")
                + nodes.stream().map(String::valueOf).collect(Collectors.joining(", "));
        String others = apps == 0 ? "" : apps + (apps == 1 ? " app connection" : " app connections");
        String here = terminals + (terminals.isEmpty() || others.isEmpty() ? "" : " and ") + others;
        String there = !elsewhere ? "" : here.isEmpty() ? "on other servers" : ", and on other servers";
        return "(" + here + there + ")";
    }
}
