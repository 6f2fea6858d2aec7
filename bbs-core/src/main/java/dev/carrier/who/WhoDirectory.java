package dev.carrier.who;

import dev.carrier.presence.Member;
import dev.carrier.presence.Presence;
import dev.carrier.presence.PresenceStore;
import dev.carrier.presence.Status;
import dev.carrier.presence.UserPresence;
import dev.carrier.runtime.Workers;
import dev.carrier.session.NodeInfo;
import dev.carrier.session.Nodes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The rows of W: every node and who is on it, people connected only through a JSON client, and
 * the most recently seen people who are offline ({@link #OFFLINE_SHOWN} at most, so the list
 * stays bounded however many members there are). The offline part is read on the workers.
 */
public final class WhoDirectory {

    public static final int OFFLINE_SHOWN = 200;

    private final Presence presence;
    private final Nodes nodes;
    private final PresenceStore store;
    private final Workers workers;
    private final Clock clock;

    public WhoDirectory(Presence presence, Nodes nodes, PresenceStore store, Workers workers, Clock clock) {
        this.presence = presence;
        this.nodes = nodes;
        this.store = store;
        this.workers = workers;
        this.clock = clock;
    }

    public Presence presence() {
        return presence;
    }

    /** The whole list, as seen from {@code viewerNode} (whose activity reads as looking at W). */
    public CompletableFuture<List<WhoRow>> rows(int viewerNode, String viewerActivity) {
        List<WhoRow> here = here(viewerNode, viewerActivity);
        int online = presence.all().size();
        return workers.submit(() -> store.recentlySeen(OFFLINE_SHOWN + online)).thenApply(seen -> {
            Instant now = clock.instant();
            List<WhoRow> rows = new ArrayList<>(here);
            int offline = 0;
            for (Member member : seen) {
                if (offline == OFFLINE_SHOWN) break;
                if (presence.status(member.handle()) != Status.OFFLINE) continue;
                offline++;
                rows.add(new WhoRow(Optional.empty(), member.handle(), member.displayName(), member.sysop(),
                        Optional.of(Status.OFFLINE), Optional.empty(), Duration.ZERO,
                        member.lastSeen().map(at -> "seen " + WhoList.ago(Duration.between(at, now))).orElse("-"),
                        "-"));
            }
            return rows;
        });
    }

    /** The node table and JSON-only people; idle time and status are the user's, across connections. */
    private List<WhoRow> here(int viewerNode, String viewerActivity) {
        Instant now = clock.instant();
        List<WhoRow> rows = new ArrayList<>();
        for (NodeInfo node : nodes.snapshot()) {
            String activity = node.node() == viewerNode ? viewerActivity : node.activity();
            Optional<UserPresence> user = node.handle().flatMap(presence::find);
            Duration idle = user.map(p -> p.idle(now)).orElse(Duration.between(node.lastInputAt(), now));
            String handle = node.handle().orElse("-");
            rows.add(new WhoRow(Optional.of(node.node()), handle, user.map(UserPresence::displayName).orElse(handle),
                    user.map(UserPresence::sysop).orElse(false),
                    node.handle().map(h -> user.map(UserPresence::status).orElse(Status.ONLINE)),
                    user.flatMap(UserPresence::text), idle, activity, node.transport()));
        }
        // People connected only through a JSON client (an app, a bot) hold no node, but are here;
        // in a cluster, people connected only to other servers hold none here either.
        for (UserPresence user : presence.all()) {
            if (!nodes.isOnline(user.handle())) {
                boolean here = presence.connectedHere(user.handle());
                rows.add(new WhoRow(Optional.empty(), user.handle(), user.displayName(), user.sysop(),
                        Optional.of(user.status()), user.text(), user.idle(now),
                        here ? "Using an app" : "On another server", here ? "json" : "-"));
            }
        }
        return rows;
    }
}
