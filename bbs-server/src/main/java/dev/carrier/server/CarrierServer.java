package dev.carrier.server;

import dev.carrier.admin.Admin;
import dev.carrier.admin.AdminConfig;
import dev.carrier.admin.AdminEndpoint;
import dev.carrier.admin.AdminProtocol;
import dev.carrier.admin.EventFeed;
import dev.carrier.admin.LastHour;
import dev.carrier.admin.LocalAdmin;
import dev.carrier.admin.ServerInfo;
import dev.carrier.admin.SysopDashboard;
import dev.carrier.admin.Traffic;
import dev.carrier.audit.AuditLog;
import dev.carrier.audit.SqliteAuditLog;
import dev.carrier.auth.Authenticator;
import dev.carrier.auth.LoginGate;
import dev.carrier.auth.LoginThrottle;
import dev.carrier.auth.PasswordWork;
import dev.carrier.auth.SqliteTokenStore;
import dev.carrier.auth.Tokens;
import dev.carrier.bus.Bus;
import dev.carrier.bus.InProcessBus;
import dev.carrier.chat.ChatArchive;
import dev.carrier.chat.ChatManager;
import dev.carrier.chat.SqliteChatStore;
import dev.carrier.chat.ChatServices;
import dev.carrier.chat.ChatStage;
import dev.carrier.chat.StatusAnnouncer;
import dev.carrier.cluster.ClusterBus;
import dev.carrier.cluster.ClusterConfig;
import dev.carrier.cluster.ClusterLink;
import dev.carrier.cluster.ClusterView;
import dev.carrier.cluster.ServerHealth;
import dev.carrier.connection.ConnectionLimit;
import dev.carrier.events.EventHub;
import dev.carrier.ignore.Ignores;
import dev.carrier.ignore.SqliteIgnoreStore;
import dev.carrier.login.Reception;
import dev.carrier.mail.MailComposeStage;
import dev.carrier.mail.MailInboxStage;
import dev.carrier.mail.PostOffice;
import dev.carrier.mail.SqliteMailStore;
import dev.carrier.menu.MenuLoader;
import dev.carrier.metrics.CallerMeter;
import dev.carrier.metrics.CountedMessageStore;
import dev.carrier.metrics.LoadMeter;
import dev.carrier.metrics.LoginMeter;
import dev.carrier.metrics.Metrics;
import dev.carrier.metrics.TrafficMeter;
import dev.carrier.menu.MenuSource;
import dev.carrier.menu.MenuStage;
import dev.carrier.menu.Menus;
import dev.carrier.message.MessageSinks;
import dev.carrier.message.Messenger;
import dev.carrier.message.SendBudgets;
import dev.carrier.message.SqliteMessageStore;
import dev.carrier.presence.Presence;
import dev.carrier.presence.PresenceKeeper;
import dev.carrier.presence.PresenceStore;
import dev.carrier.presence.PresenceTracker;
import dev.carrier.presence.SqlitePresenceStore;
import dev.carrier.profile.ProfileAnnouncer;
import dev.carrier.profile.ProfileStage;
import dev.carrier.profile.ProfileUpdated;
import dev.carrier.runtime.Scheduler;
import dev.carrier.runtime.ThreadScheduler;
import dev.carrier.runtime.Workers;
import dev.carrier.session.GoodbyeStage;
import dev.carrier.session.Logouts;
import dev.carrier.session.Nodes;
import dev.carrier.session.ServiceCatalog;
import dev.carrier.session.SessionHost;
import dev.carrier.store.DataFolder;
import dev.carrier.store.Database;
import dev.carrier.sysop.LiveSessions;
import dev.carrier.sysop.NodeAdmin;
import dev.carrier.sysop.SysopChat;
import dev.carrier.sysop.SysopRights;
import dev.carrier.sysop.SysopStage;
import dev.carrier.sysop.SshKeyAdmin;
import dev.carrier.sysop.UserAdmin;
import dev.carrier.netty.NettyTransport;
import dev.carrier.ssh.HostKeys;
import dev.carrier.ssh.SshTransport;
import dev.carrier.sshkey.SqliteSshKeyStore;
import dev.carrier.sshkey.UserKeys;
import dev.carrier.sshkey.SshKeyStore;
import dev.carrier.telnet.TelnetConfig;
import dev.carrier.telnet.TelnetServer;
import dev.carrier.tls.CertificateWatch;
import dev.carrier.tls.ServerCertificate;
import dev.carrier.tls.TlsContext;
import dev.carrier.user.BcryptPasswordHasher;
import dev.carrier.user.PasswordHasher;
import dev.carrier.user.SqliteUserStore;
import dev.carrier.user.UserStore;
import dev.carrier.web.ApiServices;
import dev.carrier.web.WebServer;
import dev.carrier.who.ProfileCard;
import dev.carrier.who.WhoDirectory;
import dev.carrier.who.WhoStage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where Carrier is put together: storage, engine, services, menus, transports.
 * Started by {@code carrier serve} and, in-process on ephemeral ports, by the tests.
 */
public final class CarrierServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CarrierServer.class);
    private static final Duration IDLE_CHECK = Duration.ofSeconds(15);
    /** What callers hear when the server stops for good (tests, Ctrl-C in a terminal). */
    public static final String GOING_DOWN = "*** The system is going down. Goodbye.";
    /** What callers hear on SIGTERM: a service manager stopping or restarting the BBS. */
    public static final String RESTARTING = "*** The BBS is restarting, call back in a minute.";
    /** How long a stop waits for hung-up callers' sessions to end before closing regardless. */
    public static final Duration CALLERS_LEAVE_WITHIN = Duration.ofSeconds(5);

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private final ServerConfig config;
    private final AdminConfig adminConfig;
    private SessionHost host;
    private UserStore users;
    private PasswordHasher hasher;
    private Menus menus;
    private Nodes nodes;
    private Database database;
    private Presence presence;
    private ChatManager chat;
    private Optional<TelnetServer> telnet = Optional.empty();
    private Optional<TelnetServer> telnets = Optional.empty();
    private Optional<TlsContext> tls = Optional.empty();
    private Optional<WebServer> web = Optional.empty();
    private Optional<SshTransport> ssh = Optional.empty();
    private volatile List<String> sshFingerprints = List.of(); // read by the admin endpoint's workers
    private SshKeyStore sshKeys;
    private AdminEndpoint admin;
    private Metrics metrics;
    private EventHub events;
    private LastHour lastHour;
    private SysopDashboard dashboard;
    private volatile boolean closed;
    private Bus bus;
    /** The other servers, in a cluster; read by the admin endpoint's and the web's threads. */
    private volatile Optional<ClusterView> cluster = Optional.empty();

    private CarrierServer(ServerConfig config, AdminConfig adminConfig) {
        this.config = config;
        this.adminConfig = adminConfig;
        try {
            wire();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void wire() {
        Clock clock = config.clock();
        if (config.database().isPresent()) DataFolder.prepare(config.dataDir());
        database = own(Database.open(config.database(), config.dataDir()));
        Workers workers = own(Workers.forThisMachine());
        Scheduler scheduler = config.scheduler().orElseGet(() -> own(new ThreadScheduler()));
        bus = startBus(config.cluster());
        users = new SqliteUserStore(database, clock);
        sshKeys = new SqliteSshKeyStore(database);
        nodes = new Nodes(config.engine().maxNodes());

        presence = new Presence(bus, clock, config.awayAfter(), config.cluster().server());
        PresenceStore presenceStore = new SqlitePresenceStore(database);
        presence.remember(presenceStore.chosenStatuses());
        PresenceKeeper.attach(bus, presenceStore, workers);
        bus.subscribe(message -> {
            if (message instanceof ProfileUpdated update) presence.renamed(update.handle(), update.displayName());
        });
        // Closed before the timer, the workers and the database: the lines still gathering are stored.
        ChatArchive archive = own(new ChatArchive(new SqliteChatStore(database, clock, config.cluster().on()), workers,
                scheduler, clock, config.chatHistory()));
        Ignores ignores = new Ignores(new SqliteIgnoreStore(database), users, workers, bus);
        chat = new ChatManager(bus, clock, config.chat(), archive.load(config.chat().scrollback()), ignores,
                config.cluster().server());
        archive.attach(bus); // after the rooms: what is stored is what they delivered
        SendBudgets budgets = new SendBudgets(config.chat(), clock); // one per user, over every transport
        Traffic traffic = new Traffic(clock);
        lastHour = new LastHour(clock, nodes::inUse);
        metrics = own(new Metrics());
        TrafficMeter trafficMeter = new TrafficMeter(metrics.registry());
        chat.countWith(trafficMeter);
        bus.subscribe(trafficMeter::onBus);
        bus.subscribe(message -> {
            if (Traffic.isChatLine(message)) lastHour.message();
        });
        // Each stored DM counts for status's messages per minute and for the metrics.
        CountedMessageStore.Counts dmCounts = new CountedMessageStore.Counts() {
            @Override
            public void dmStored() {
                traffic.count();
                lastHour.message();
                trafficMeter.dmStored();
            }

            @Override
            public void dmsDelivered(int messages) {
                trafficMeter.dmsDelivered(messages);
            }
        };
        Messenger messenger = new Messenger(new MessageSinks(), presence,
                new CountedMessageStore(new SqliteMessageStore(database), dmCounts),
                users, workers, clock, budgets, config.chat().maxWaitingMessages(), ignores, bus);
        StatusAnnouncer.attach(bus, chat);
        PostOffice post = new PostOffice(new SqliteMailStore(database), users, nodes, presence, workers, clock,
                budgets, ignores, bus);
        post.onSent(trafficMeter::lettersSent);
        Tokens tokens = new Tokens(new SqliteTokenStore(database), users, clock, config.tokenTtl());
        events = new EventHub(bus, presence, messenger, chat, budgets, nodes, config.presenceTtl(), scheduler,
                task -> workers.run(task::run), clock, ignores);

        AuditLog audit = new SqliteAuditLog(database, clock);
        UserKeys userKeys = new UserKeys(sshKeys, audit, clock); // the profile's keys screen and carrier user key
        NodeAdmin nodeAdmin = new NodeAdmin(nodes, audit, bus, presence);
        nodeAdmin.onBroadcast(text -> events.announce(NodeAdmin.line(text)));
        nodeAdmin.reachApps(events);
        // A new password ends the user's sessions and JSON connections on every server (through the
        // admin's hang-up order) and their tokens.
        Logouts logouts = new Logouts(nodes, nodeAdmin::hangUpEverywhere);
        logouts.addRevoker(user -> tokens.revokeAll(user.id()));

        hasher = new BcryptPasswordHasher(config.passwordCost());
        SysopChat sysopChat = new SysopChat(nodes, presence, bus, clock);
        // Each service's factory hands its stage what it uses.
        SysopRights rights = new SysopRights(users, workers);
        ProfileCard cards = new ProfileCard(users, presenceStore, presence, workers, clock);
        ServiceCatalog services = ServiceCatalog.of(
                ChatStage.service(new ChatServices(chat, presence, messenger, budgets, nodeAdmin, rights, nodes,
                        cards, clock, users, workers, archive, ignores, sysopChat)),
                MailInboxStage.service(post),
                MailComposeStage.service(post),
                ProfileStage.service(users, hasher, workers, config.engine().maxLoginFailures(), logouts, userKeys,
                        new ProfileAnnouncer(bus, clock)),
                SysopStage.service(nodeAdmin, rights, presence, nodes, clock),
                WhoStage.service(new WhoDirectory(presence, nodes, presenceStore, workers, clock), cards, bus),
                GoodbyeStage.service(config.engine().bbsName()));
        MenuSource menuSource = config.menusDir().map(MenuSource::folder).orElseGet(MenuSource::builtIn);
        menus = new MenuLoader(menuSource, services.ids(), services::placeRefusal).load();

        // One gate for every password login (telnet, web terminal, REST): shared budgets, and
        // hashing on its own pool so guesses never hold up the workers.
        PasswordWork passwordWork = own(PasswordWork.forThisMachine());
        LoginGate logins = new LoginGate(new LoginThrottle(config.engine().loginLimits(), clock),
                passwordWork, new Authenticator(users, hasher, clock), new LoginMeter(metrics.registry()));
        Reception reception = new Reception(logins, users, hasher, workers, clock, menus.banner(), config.engine(),
                MenuStage.main(menus, services));
        host = new SessionHost(config.engine(), clock, scheduler, nodes, reception.firstStage());
        host.addListener(new PresenceTracker(presence));
        host.addListener(messenger);
        host.addListener(post);
        host.addListener(new CallerMeter(metrics.registry(), nodes));
        host.addListener(new ConnectionLog());
        host.addListener(lastHour);
        checkIdleEvery(scheduler, workers, IDLE_CHECK, events);
        // A ban or a deletion ends the user's sessions and JSON connections on every server, and
        // their tokens, at once.
        LiveSessions live = (handle, farewell) -> {
            int sessions = nodeAdmin.hangUpEverywhere(handle, farewell);
            users.find(handle).ifPresent(user -> tokens.revokeAll(user.id()));
            return sessions;
        };
        LocalAdmin.Live running = startAdmin(bus, traffic, audit, userKeys, nodeAdmin, sysopChat, nodes, events, live,
                logouts, workers, clock);
        if (config.cluster().on()) startClusterView(running, scheduler, workers, clock);

        // Transports share event loops and one per-address connection limit.
        EventLoops loops = own(new EventLoops());
        log.info("network transport: {}", NettyTransport.name());
        ConnectionLimit perAddress = new ConnectionLimit(config.maxPerAddress());
        LoadMeter load = new LoadMeter(metrics.registry(), loops.workers(), database)
                .pool("worker", workers).pool("password", passwordWork.pool());
        if (config.tls().isOn()) startTls(scheduler, workers);

        if (!config.telnetPort().isOff()) {
            TelnetServer server = startTelnet(config.telnet(), Optional.empty(), perAddress, loops);
            telnet = Optional.of(server);
            load.output("telnet", server::pendingOutputBytes);
        }
        // telnets: the same telnet behind the SslHandler, on its own port.
        if (config.telnetsOn()) {
            TelnetServer server = startTelnet(config.telnets(), tls, perAddress, loops);
            telnets = Optional.of(server);
            load.output("telnets", server::pendingOutputBytes);
        }

        // SSH: the protocol on MINA's threads, each shell's session on one of the shared event loops.
        if (!config.sshPort().isOff()) {
            startSsh(reception, logins, workers, clock, perAddress, loops);
        }

        // The web: the terminal page, /terminal and /telnet WebSockets, /health.
        if (!config.webPort().isOff()) {
            // JSON clients take seats under --max-nodes as terminals take nodes: /health counts both.
            WebServer server = own(new WebServer(config.web(), host, () -> nodes.inUse() + nodes.apps(), perAddress,
                    loops.boss(), loops.workers()));
            server.reportServer(config.cluster().server(), () -> cluster.map(ClusterView::report));
            server.serveApi(new ApiServices(logins, tokens, users, presence, presenceStore, events, messenger, chat,
                    archive, workers, clock)).serveSysopDesk(dashboard);
            tls.ifPresent(server::secure);
            try {
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen for the web on " + config.web().bindHost() + ":"
                        + config.web().port() + ": " + e.getMessage(), e);
            }
            web = Optional.of(server);
            load.output("web", server::pendingOutputBytes);
        }
    }

    /**
     * The in-process bus on a server of its own; in a cluster, the bus over NATS (connected now, or
     * the start fails saying NATS cannot be reached).
     */
    private Bus startBus(ClusterConfig clustering) {
        if (!clustering.on()) return new InProcessBus();
        ClusterLink link = own(ClusterLink.connect(clustering.nats().orElseThrow(), clustering.server()));
        log.info("server {} joins the cluster at {}", clustering.server(), clustering.nats().orElseThrow());
        return own(new ClusterBus(link, clustering.server()));
    }

    /**
     * Heartbeats out, the other servers' in: their shares reconciled, their callers in the sysop's
     * who. Owned after the bus, so it is closed first and its leaving message still goes out.
     */
    private void startClusterView(LocalAdmin.Live running, Scheduler scheduler, Workers workers, Clock clock) {
        // Presence and ChatManager keep this server's shares of who is online and who sits where.
        ClusterView.Sources sources = new ClusterView.Sources(presence, chat,
                () -> LocalAdmin.localCallers(running),
                () -> new ServerHealth(nodes.inUse() + nodes.apps(), Version.current(), bus.linked()));
        ClusterView view = own(new ClusterView(config.cluster().server(), running.info().startedAt(), bus, clock,
                scheduler, task -> workers.run(task::run), config.presenceTtl(), sources));
        cluster = Optional.of(view);
        view.start();
    }

    /** The certificate (loaded now, or the start fails naming the file), and its watch for renewals. */
    private void startTls(Scheduler scheduler, Workers workers) {
        TlsContext context;
        try {
            context = TlsContext.start(config.tls(), config.dataDir(), config.clock());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start TLS: " + e.getMessage(), e);
        }
        own(CertificateWatch.start(context, scheduler, workers));
        tls = Optional.of(context);
    }

    private TelnetServer startTelnet(TelnetConfig telnetConfig, Optional<TlsContext> security,
            ConnectionLimit perAddress, EventLoops loops) {
        TelnetServer server = own(new TelnetServer(telnetConfig, host, loops.boss(), loops.workers()))
                .limitConnections(perAddress);
        security.ifPresent(server::secure);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for " + (security.isPresent() ? "telnets" : "telnet") + " on "
                    + telnetConfig.bindHost() + ":" + telnetConfig.port() + ": " + e.getMessage(), e);
        }
        return server;
    }

    private void startSsh(Reception reception, LoginGate logins, Workers workers, Clock clock,
            ConnectionLimit perAddress, EventLoops loops) {
        HostKeys hostKeys;
        try {
            hostKeys = HostKeys.inFolder(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        sshFingerprints = hostKeys.fingerprints();
        SshTransport server = own(new SshTransport(config.ssh(), hostKeys,
                new SshLogins(logins, users, sshKeys, workers, clock, host, reception), config.telnet()::charsetFor,
                perAddress, loops.workers()));
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for ssh on " + config.ssh().bindHost() + ":"
                    + config.ssh().port() + ": " + e.getMessage(), e);
        }
        ssh = Optional.of(server);
    }

    /**
     * The sysop's admin endpoint for the carrier command: loopback only, with a fresh token in
     * the data folder's admin.json (see dev.carrier.admin). Account changes go through the same
     * UserAdmin as on the database file, and here also hang up live sessions.
     */
    private LocalAdmin.Live startAdmin(Bus bus, Traffic traffic, AuditLog audit, UserKeys userKeys, NodeAdmin nodeAdmin,
            SysopChat sysopChat, Nodes nodes, EventHub events, LiveSessions liveSessions, Logouts logouts,
            Workers workers, Clock clock) {
        bus.subscribe(traffic::onBus);
        EventFeed feed = new EventFeed(clock);
        bus.subscribe(feed::onBus);
        host.addListener(feed);
        UserAdmin userAdmin = new UserAdmin(users, hasher, audit, liveSessions, logouts);
        SshKeyAdmin keyAdmin = new SshKeyAdmin(users, userKeys);
        LocalAdmin.Live live = new LocalAdmin.Live(nodes, nodeAdmin, presence, events, traffic,
                new ServerInfo(config.cluster().server(), Version.current(), clock.instant(), this::listeners,
                        this::sshHostKeyFingerprints, clock), feed, clock, sysopChat, () -> cluster);
        Function<String, Admin> adminFor =
                actor -> new LocalAdmin(actor, userAdmin, keyAdmin, audit, Optional.of(live), () -> { });
        AdminProtocol protocol = new AdminProtocol(adminFor, feed, workers, metrics::scrape);
        dashboard = new SysopDashboard(adminFor, lastHour);
        admin = own(AdminEndpoint.start(config.dataDir(), adminConfig, protocol, Version.current()));
        return live;
    }

    /** What the server listens on, as the sysop's who and status show it. */
    public List<String> listeners() {
        List<String> listening = new ArrayList<>();
        telnet.ifPresent(server -> listening.add("telnet " + config.telnet().bindHost() + ":" + server.port()));
        telnets.ifPresent(server -> listening.add("telnets " + config.telnet().bindHost() + ":" + server.port()));
        ssh.ifPresent(server -> listening.add("ssh " + config.ssh().bindHost() + ":" + server.port()));
        web.ifPresent(server -> listening.add("web " + config.web().bindHost() + ":" + server.port()
                + tls.map(context -> " (https, certificate expires " + context.current().expires() + ")").orElse("")));
        if (admin != null) listening.add(admin.listener());
        return listening;
    }

    private void checkIdleEvery(Scheduler scheduler, Workers workers, Duration period, EventHub events) {
        // The timer only hands the check over; the fan-out of any changes runs on a worker.
        scheduler.schedule(period, () -> {
            if (closed) return;
            Instant due = config.clock().instant();
            workers.run(() -> {
                presence.checkIdle();
                events.dropStale(due);
            });
            checkIdleEvery(scheduler, workers, period, events);
        });
    }

    /** Starts everything, or fails with a message a sysop can act on. */
    public static CarrierServer start(ServerConfig config) {
        return start(config, AdminConfig.DEFAULT);
    }

    /** Starts everything, with the admin endpoint on the given loopback port. */
    public static CarrierServer start(ServerConfig config, AdminConfig adminConfig) {
        return new CarrierServer(config, adminConfig);
    }

    private <T extends AutoCloseable> T own(T resource) {
        toClose.push(resource);
        return resource;
    }

    public Nodes nodes() {
        return nodes;
    }

    public UserStore users() {
        return users;
    }

    public PasswordHasher hasher() {
        return hasher;
    }

    public Menus menus() {
        return menus;
    }

    public Database database() {
        return database;
    }

    public Presence presence() {
        return presence;
    }

    public ChatManager chat() {
        return chat;
    }

    /** The bus: in-process, or over NATS in a cluster. */
    public Bus bus() {
        return bus;
    }

    /** The other servers as this one knows them; empty on a server of its own. */
    public Optional<ClusterView> cluster() {
        return cluster;
    }

    /** The telnet port actually bound (useful when asked for an ephemeral one). */
    public int telnetPort() {
        return telnet.map(TelnetServer::port).orElseThrow(() -> new IllegalStateException("telnet is off"));
    }

    /** The telnets port actually bound (useful when asked for an ephemeral one). */
    public int telnetsPort() {
        return telnets.map(TelnetServer::port).orElseThrow(() -> new IllegalStateException("telnets is off"));
    }

    /** The TLS certificate new connections get now; empty while TLS is off. */
    public Optional<ServerCertificate> tlsCertificate() {
        return tls.map(TlsContext::current);
    }

    /** The SSH port actually bound (useful when asked for an ephemeral one). */
    public int sshPort() {
        return ssh.map(SshTransport::port).orElseThrow(() -> new IllegalStateException("ssh is off"));
    }

    /** The SSH host keys' types and SHA-256 fingerprints; empty while SSH is off. */
    public List<String> sshHostKeyFingerprints() {
        return sshFingerprints;
    }

    /** The users' SSH public keys. */
    public SshKeyStore sshKeys() {
        return sshKeys;
    }

    /** The web port actually bound (useful when asked for an ephemeral one). */
    public int webPort() {
        return web.map(WebServer::port).orElseThrow(() -> new IllegalStateException("the web is off"));
    }

    /** The admin endpoint's loopback port (useful when asked for an ephemeral one). */
    public int adminPort() {
        return admin.port();
    }

    /** Says goodbye to every caller, stops listening, and closes the database last. */
    @Override
    public void close() {
        stop(GOING_DOWN, CALLERS_LEAVE_WITHIN);
    }

    /**
     * A graceful stop: accepts no more callers, tells everyone (terminals and JSON clients) why,
     * hangs up, waits up to {@code callersLeave} for the nodes to be free (a letter being written
     * is kept as a draft as its caller's session ends), then closes everything, the worker pool
     * after its queued work (those drafts) and the database last. Calling it again does nothing.
     */
    public void stop(String farewell, Duration callersLeave) {
        if (closed) return;
        closed = true;
        telnet.ifPresent(TelnetServer::stopListening);
        web.ifPresent(WebServer::stopListening);
        web.ifPresent(WebServer::goingAway); // browsers hear 1001 and call again by themselves
        if (events != null) events.announce(farewell);
        if (host != null) {
            host.hangUpAll(farewell);
            try {
                if (!nodes.awaitEmpty(callersLeave)) log.warn("{} callers still on after {}", nodes.inUse(), callersLeave);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        while (!toClose.isEmpty()) {
            AutoCloseable resource = toClose.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("closing {} failed", resource.getClass().getSimpleName(), e);
            }
        }
    }
}
