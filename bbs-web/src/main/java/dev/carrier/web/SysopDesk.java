package dev.carrier.web;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the sysop dashboard ({@code /sysop}) reads and does, behind {@code /api/sysop/...}: the
 * server's side, wired in by the program. The web checks the caller's token and sysop flag first.
 * Every method may block: it is called on the worker pool.
 */
public interface SysopDesk {

    /** Everything the dashboard shows at once: who is on, the server's health, the last hour, recent audit entries. */
    JsonNode dashboard(String sysop);

    /**
     * Hangs up a node for the named sysop (the audit log says who).
     *
     * @throws IllegalArgumentException with a message for the sysop when there is no such node
     */
    JsonNode kick(String sysop, int node);
}
