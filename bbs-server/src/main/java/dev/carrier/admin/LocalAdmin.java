package dev.carrier.admin;

import dev.carrier.admin.AdminViews.AppView;
import dev.carrier.admin.AdminViews.AuditView;
import dev.carrier.admin.AdminViews.Broadcast;
import dev.carrier.admin.AdminViews.Closed;
import dev.carrier.admin.AdminViews.Kicked;
import dev.carrier.admin.AdminViews.KeyView;
import dev.carrier.admin.AdminViews.NodeView;
import dev.carrier.admin.AdminViews.StatusView;
import dev.carrier.admin.AdminViews.SysopChatView;
import dev.carrier.admin.AdminViews.TailEvent;
import dev.carrier.admin.AdminViews.UserView;
import dev.carrier.admin.AdminViews.WhoView;
import dev.carrier.audit.AuditLog;
import dev.carrier.auth.SqliteTokenStore;
import dev.carrier.auth.Tokens;
import dev.carrier.audit.SqliteAuditLog;
import dev.carrier.cluster.ClusterCaller;
import dev.carrier.cluster.ClusterView;
import dev.carrier.events.AppConnection;
import dev.carrier.events.EventHub;
import dev.carrier.presence.Presence;
import dev.carrier.presence.UserPresence;
import dev.carrier.session.Logouts;
import dev.carrier.sshkey.SqliteSshKeyStore;
import dev.carrier.sshkey.UserKeys;
import dev.carrier.session.NodeInfo;
import dev.carrier.session.Nodes;
import dev.carrier.store.Database;
import dev.carrier.store.PostgresUrl;
import dev.carrier.store.Timestamps;
import dev.carrier.sysop.Kick;
import dev.carrier.sysop.LiveSessions;
import dev.carrier.sysop.NodeAdmin;
import dev.carrier.sysop.SysopChat;
import dev.carrier.sysop.SshKeyAdmin;
import dev.carrier.sysop.SysopException;
import dev.carrier.sysop.UserAdmin;
import dev.carrier.user.BcryptPasswordHasher;
import dev.carrier.user.SqliteUserStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link Admin} in this process: inside the running server, where the admin endpoint answers
 * with it, or on the database file when no server runs ({@link #offline}), where the commands
 * about live nodes say that the server is not running.
 *
 * <p>Each instance acts for one actor, whose name goes into the audit log. Blocking; not for
 * event loops.
 */
public final class LocalAdmin implements Admin {

    /** Audit log entries shown when no number is asked for. */
    public static final int DEFAULT_AUDIT_LIMIT = 50;
    public static final int MAX_AUDIT_LIMIT = 10_000;

    /**
     * The parts of a running server that the live commands reach.
     *
     * @param cluster the other servers, when this one is one of several; asked each time, since the
     *                view is wired after the admin endpoint
     */
    public record Live(Nodes nodes, NodeAdmin nodeAdmin, Presence presence, EventHub events, Traffic traffic,
            ServerInfo info, EventFeed feed, Clock clock, SysopChat sysopChat, Supplier<Optional<ClusterView>> cluster) {}

    /** How the console signs its lines in a break-in chat. */
    static final String CONSOLE = "sysop";

    private final String actor;
    private final UserAdmin users;
    private final SshKeyAdmin keys;
    private final AuditLog audit;
    private final Optional<Live> live;
    private final Runnable onClose;

    public LocalAdmin(String actor, UserAdmin users, SshKeyAdmin keys, AuditLog audit, Optional<Live> live,
            Runnable onClose) {
        this.actor = actor;
        this.users = users;
        this.keys = keys;
        this.audit = audit;
        this.live = live;
        this.onClose = onClose;
    }

    /**
     * Works on the database directly, for when no server runs: {@code dataDir/carrier.db}, or
     * PostgreSQL when {@code postgres} names it.
     *
     * @param mayCreate whether a data folder without a database may get a new one (adding the
     *                  first user does; listing users in a mistyped folder should not)
     */
    public static LocalAdmin offline(Path dataDir, Optional<PostgresUrl> postgres, String actor, int passwordCost,
            boolean mayCreate) {
        if (postgres.isEmpty() && !mayCreate && !Files.isRegularFile(dataDir.resolve(Database.FILE_NAME))) {
            throw new AdminException("no Carrier data in " + dataDir + " (no " + Database.FILE_NAME
                    + "): give --data-dir, or add the first user with carrier user add");
        }
        Database db = Database.open(postgres, dataDir);
        try {
            AuditLog audit = new SqliteAuditLog(db, Clock.systemUTC());
            SqliteUserStore store = new SqliteUserStore(db);
            // No sessions to hang up, but a new password still ends the tokens kept in the file.
            Tokens tokens = new Tokens(new SqliteTokenStore(db), store, Clock.systemUTC(), Duration.ZERO);
            Logouts logouts = Logouts.withoutSessions();
            logouts.addRevoker(user -> tokens.revokeAll(user.id()));
            UserAdmin users = new UserAdmin(store, new BcryptPasswordHasher(passwordCost), audit,
                    LiveSessions.NONE, logouts);
            SshKeyAdmin keys = new SshKeyAdmin(store, new UserKeys(new SqliteSshKeyStore(db), audit, Clock.systemUTC()));
            return new LocalAdmin(actor, users, keys, audit, Optional.empty(), db::close);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Override
    public boolean live() {
        return live.isPresent();
    }

    @Override
    public UserView addUser(String handle, String password, boolean sysop) {
        return sysop(() -> UserView.of(users.add(actor, handle, password, sysop)));
    }

    @Override
    public List<UserView> users() {
        return users.list().stream().map(UserView::of).toList();
    }

    @Override
    public UserView user(String handle) {
        return sysop(() -> UserView.of(users.show(handle)));
    }

    @Override
    public UserView changePassword(String handle, String password) {
        return sysop(() -> UserView.of(users.changePassword(actor, handle, password)));
    }

    @Override
    public Closed ban(String handle, String reason) {
        return sysop(() -> new Closed(users.show(handle).handle(),
                users.ban(actor, handle, Optional.ofNullable(reason))));
    }

    @Override
    public UserView unban(String handle) {
        return sysop(() -> UserView.of(users.unban(actor, handle)));
    }

    @Override
    public UserView setSysop(String handle, boolean sysop) {
        return sysop(() -> UserView.of(users.setSysop(actor, handle, sysop)));
    }

    @Override
    public Closed delete(String handle) {
        return sysop(() -> new Closed(users.show(handle).handle(), users.delete(actor, handle)));
    }

    @Override
    public KeyView addKey(String handle, String keyLine) {
        return sysop(() -> KeyView.of(keys.add(actor, handle, keyLine)));
    }

    @Override
    public List<KeyView> keys(String handle) {
        return sysop(() -> keys.list(handle).stream().map(KeyView::of).toList());
    }

    @Override
    public KeyView removeKey(String handle, String fingerprint) {
        return sysop(() -> KeyView.of(keys.remove(actor, handle, fingerprint)));
    }

    @Override
    public List<AuditView> audit(int limit) {
        if (limit < 1 || limit > MAX_AUDIT_LIMIT) {
            throw new AdminException("the number of entries must be 1 to " + MAX_AUDIT_LIMIT);
        }
        return audit.recent(limit).stream().map(AuditView::of).toList();
    }

    @Override
    public WhoView who() {
        Live server = running("who");
        WhoView here = localWho(server);
        return new WhoView(here.server(), here.nodes(), here.apps(),
                server.cluster().get().map(ClusterView::callersElsewhere).orElse(List.of()));
    }

    private static WhoView localWho(Live server) {
        Instant now = server.clock().instant();
        List<NodeView> nodes = new ArrayList<>();
        for (NodeInfo node : server.nodes().snapshot()) {
            Optional<UserPresence> presence = node.handle().flatMap(server.presence()::find);
            long idle = Math.max(0, Duration.between(node.lastInputAt(), now).toSeconds());
            String status = node.handle().isEmpty() ? "login"
                    : presence.map(p -> p.status().wireName()).orElse("online");
            nodes.add(new NodeView(node.node(), node.handle().orElse(null), node.transport(), node.remoteAddress(),
                    node.terminalType(), Timestamps.format(node.connectedAt()), idle, status, node.activity()));
        }
        List<AppView> apps = new ArrayList<>();
        for (AppConnection app : server.events().connections()) {
            Optional<UserPresence> presence = server.presence().find(app.handle());
            String client = app.beacon().describe();
            apps.add(new AppView(app.handle(), app.instanceId().orElse(null), app.address(),
                    client.isEmpty() ? null : client, Timestamps.format(app.connectedAt()),
                    presence.map(p -> p.idle(now).toSeconds()).orElse(0L),
                    presence.map(p -> p.status().wireName()).orElse("online"),
                    app.lastBeaconAt().map(Timestamps::format).orElse(null), app.stale()));
        }
        return new WhoView(server.info().view(), nodes, apps, List.of());
    }

    /** This server's callers as the other servers' sysops see them: what its heartbeat carries. */
    public static List<ClusterCaller> localCallers(Live server) {
        WhoView here = localWho(server);
        String name = server.info().name();
        List<ClusterCaller> callers = new ArrayList<>();
        for (NodeView node : here.nodes()) {
            callers.add(new ClusterCaller(name, node.node(), node.handle(), node.transport(), node.address(),
                    node.connectedAt(), node.status(), node.terminal(), node.idleSeconds()));
        }
        for (AppView app : here.apps()) {
            callers.add(new ClusterCaller(name, null, app.handle(), "json", app.address(), app.connectedAt(),
                    app.stale() ? "stale" : app.status(), app.client(), app.idleSeconds()));
        }
        return callers;
    }

    @Override
    public Kicked kick(String target, String reason) {
        Live server = running("kick");
        return sysop(() -> {
            Kick kick = server.nodeAdmin().kick(actor, target, Optional.ofNullable(reason));
            return new Kicked(kick.nodes(), kick.apps(), kick.elsewhere());
        });
    }

    @Override
    public Broadcast broadcast(String text) {
        Live server = running("broadcast");
        return sysop(() -> new Broadcast(server.nodeAdmin().broadcast(actor, text)));
    }

    @Override
    public SysopChatView chatOpen(String handle) {
        Live server = running("chat");
        Optional<String> refused = server.sysopChat().breakInFromConsole(CONSOLE, handle);
        if (refused.isPresent()) throw new AdminException(refused.get());
        audit.record(actor, "chat", handle);
        return new SysopChatView(handle, "open");
    }

    @Override
    public SysopChatView chatSay(String handle, String text) {
        if (!running("chat").sysopChat().sayFromConsole(CONSOLE, handle, text)) throw noChat(handle);
        return new SysopChatView(handle, "open");
    }

    @Override
    public SysopChatView chatEnd(String handle) {
        if (!running("chat").sysopChat().endFromConsole(handle)) throw noChat(handle);
        return new SysopChatView(handle, "ended");
    }

    private static AdminException noChat(String handle) {
        return new AdminException("the console is not chatting with " + handle);
    }

    @Override
    public StatusView status() {
        Live server = running("status");
        Runtime runtime = Runtime.getRuntime();
        long total = runtime.totalMemory();
        return new StatusView(server.info().view(), server.nodes().inUse(), server.nodes().apps(),
                server.nodes().capacity(),
                server.presence().all().size(), server.traffic().perMinute(), total - runtime.freeMemory(), total,
                runtime.maxMemory(), List.copyOf(server.info().sshHostKeys().get()),
                server.cluster().get().map(ClusterView::states).orElse(List.of()));
    }

    @Override
    public Feed tail(Consumer<TailEvent> sink) {
        Live server = running("tail");
        return new EndingFeed(server.feed().subscribe(sink));
    }

    private Live running(String command) {
        return live.orElseThrow(() -> new AdminException("carrier is not running: " + command
                + " needs the running server"));
    }

    /** Turns the core's refusals into the admin tools' own. */
    private static <T> T sysop(Supplier<T> action) {
        try {
            return action.get();
        } catch (SysopException e) {
            throw new AdminException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        onClose.run();
    }
}
