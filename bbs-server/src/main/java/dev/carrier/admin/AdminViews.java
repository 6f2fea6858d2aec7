package dev.carrier.admin;

import dev.carrier.audit.AuditEntry;
import dev.carrier.cluster.ClusterCaller;
import dev.carrier.cluster.ServerState;
import dev.carrier.sshkey.SshKey;
import dev.carrier.store.Timestamps;
import dev.carrier.user.User;
import java.util.List;

/**
 * What crosses the admin connection, as JSON: plain records of text and numbers, times as
 * ISO-8601 UTC text, absent values as null. The same records come back from a running server
 * and from the database file, so the commands print one way.
 */
public final class AdminViews {

    private AdminViews() {}

    /** An account as the sysop sees it (never the password hash). */
    public record UserView(String handle, boolean sysop, boolean banned, String displayName, String createdAt,
            String lastLoginAt) {

        static UserView of(User user) {
            return new UserView(user.handle(), user.sysop(), user.banned(), user.displayName(),
                    Timestamps.format(user.createdAt()), user.lastLoginAt().map(Timestamps::format).orElse(null));
        }
    }

    /** A ban or deletion, and how many live sessions it hung up (0 when no server runs). */
    public record Closed(String handle, int sessionsClosed) {}

    /** One of a user's SSH public keys. */
    public record KeyView(String fingerprint, String type, String comment, String addedAt) {

        static KeyView of(SshKey key) {
            return new KeyView(key.fingerprint(), key.key().type(), key.key().comment(),
                    Timestamps.format(key.addedAt()));
        }
    }

    /**
     * @param nodes          this server's nodes hung up
     * @param appConnections this server's JSON connections closed, which hold no node
     * @param elsewhere      the person was connected to other servers too, which hang up their own
     */
    public record Kicked(List<Integer> nodes, int appConnections, boolean elsewhere) {}

    /** @param nodes this server's nodes it went to; every other server shows it on all of its own */
    public record Broadcast(int nodes) {}

    /** The console's break-in chat with a caller, after a request about it. */
    public record SysopChatView(String handle, String state) {}

    /**
     * The server itself: the first row of {@code carrier who}.
     *
     * @param name its name among the servers of a cluster (the host name by default); null from an older server
     */
    public record ServerView(String version, String startedAt, long uptimeSeconds, List<String> listeners,
            String name) {}

    /**
     * One connection.
     *
     * @param handle   null before login
     * @param terminal the terminal type the client reported, or the client's name
     * @param status   online, away or dnd once logged in; login before
     */
    public record NodeView(int node, String handle, String transport, String address, String terminal,
            String connectedAt, long idleSeconds, String status, String activity) {}

    /**
     * One JSON connection: it holds no node number but a seat under the node maximum.
     *
     * @param instance     the client's instance id, or null
     * @param client       what the client says it is in its beacons ({@code Carrier Mobile 2.1 (ios)}), or null
     * @param lastBeaconAt null when it never sent a beacon (pings alone watch it then)
     * @param stale        its last beacon is older than the presence TTL: it is being dropped
     */
    public record AppView(String handle, String instance, String address, String client, String connectedAt,
            long idleSeconds, String status, String lastBeaconAt, boolean stale) {}

    /**
     * @param apps      JSON connections; null from a server older than them
     * @param elsewhere the other servers' callers, from their latest heartbeats; empty on a server of its own,
     *                  null from an older one
     */
    public record WhoView(ServerView server, List<NodeView> nodes, List<AppView> apps, List<ClusterCaller> elsewhere) {}

    /**
     * @param appConnections JSON connections, which share {@code maxNodes} with the nodes
     * @param sshHostKeys    each SSH host key's type and SHA-256 fingerprint; empty while SSH is off
     * @param servers        the cluster's servers, this one first; empty on a server of its own, null from an older one
     */
    public record StatusView(ServerView server, int nodesInUse, int appConnections, int maxNodes, int usersOnline,
            int messagesPerMinute, long memoryUsedBytes, long memoryTotalBytes, long memoryMaxBytes,
            List<String> sshHostKeys, List<ServerState> servers) {}

    /** One audit log entry; actor null when the server itself acted. */
    public record AuditView(long id, String at, String actor, String action, String detail) {

        static AuditView of(AuditEntry entry) {
            return new AuditView(entry.id(), Timestamps.format(entry.at()), entry.actor().orElse(null),
                    entry.action(), entry.detail());
        }
    }

    /**
     * One line of the live feed ({@code carrier tail}).
     *
     * @param kind   connect, login, logout, disconnect, chat or missed
     * @param node   null for chat lines
     * @param handle the user concerned, when there is one
     * @param text   what to show: the chat line as a viewer sees it, where a caller came from
     */
    public record TailEvent(String at, String kind, Integer node, String handle, String text) {}
}
