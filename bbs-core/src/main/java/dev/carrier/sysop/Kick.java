package dev.carrier.sysop;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What one kick hung up: terminal nodes, and JSON connections (which hold no node number).
 *
 * @param nodes the nodes, in order
 * @param apps  how many JSON connections were closed
 */
public record Kick(List<Integer> nodes, int apps) {

    public Kick {
        nodes = List.copyOf(nodes);
    }

    /** {@code (node 3)}, {@code (nodes 1, 2 and 1 app connection)}, {@code (2 app connections)}. */
    public String describe() {
        String terminals = nodes.isEmpty() ? "" : (nodes.size() == 1 ? "node " : "nodes ")
                + nodes.stream().map(String::valueOf).collect(Collectors.joining(", "));
        String others = apps == 0 ? "" : apps + (apps == 1 ? " app connection" : " app connections");
        return "(" + terminals + (terminals.isEmpty() || others.isEmpty() ? "" : " and ") + others + ")";
    }
}
